import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import { OrgNav } from '@/components/governance/org-nav';
import { ReceiptLookup } from '@/components/proposals/receipt-lookup';
import type { ReceiptAnswer } from '@/components/proposals/receipt-lookup';
import { PageHeader } from '@/components/ui/page-header';
import { findProposalByNumber } from '@/db/read/proposal-page';
import { loadReceiptLookup } from '@/db/read/published-ballots';
import { loadOrgPage } from '@/lib/auth/org-page';
import { findReceipt } from '@/lib/governance/receipt-list';
import { parseReceipt } from '@/lib/governance/receipt';

type Props = { params: Promise<{ slug: string; number: string }>; searchParams: Promise<{ code?: string | string[] }> };

async function load(slug: string, numberParam: string) {
  const ctx = await loadOrgPage(slug); // a private organization's page is a 404 to non-members
  const loaded = /^\d{1,10}$/.test(numberParam) ? await findProposalByNumber(ctx.org.id, Number(numberParam)) : null;
  if (!loaded || loaded.row.status === 'draft') notFound();
  return { ...ctx, loaded };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, number } = await params;
  const { loaded } = await load(slug, number);
  const t = await getTranslations('choiceBallot.receipt');
  return { title: t('metaTitle', { number: String(loaded.row.number), title: loaded.row.title }) };
}

/**
 * Anyone who may read the organization types a receipt code and, after the close, sees the
 * counted ballot it stands for — read from the public decision log only (db/read/published-ballots.ts).
 * Before the close nothing is looked up.
 */
export default async function ReceiptPage({ params, searchParams }: Props) {
  const { slug, number } = await params;
  const { org, membership, loaded } = await load(slug, number);
  const { secret, memberWide, published } = await loadReceiptLookup(org.id, loaded);
  if (!secret) notFound();
  const raw = (await searchParams).code;
  const typed = (Array.isArray(raw) ? raw[0] : raw)?.slice(0, 64) ?? '';
  const base = `/o/${org.slug}/proposals/${loaded.row.number}`;
  const answer = receiptAnswer(typed, published, `${base}/ballots.csv`);
  return (
    <div>
      <OrgNav slug={org.slug} name={org.name} current="proposals" isMember={Boolean(membership)} archivedAt={org.archivedAt} />
      <ReceiptHeader href={base} number={loaded.row.number} title={loaded.row.title} memberWide={memberWide} />
      <ReceiptLookup action={`${base}/receipt`} answer={answer} typed={typed} />
    </div>
  );
}

/** The page's heading and what a receipt is (a component of its own: the page is async, the words are read with a hook). */
function ReceiptHeader({ href, number, title, memberWide }: { href: string; number: number; title: string; memberWide: boolean }) {
  const t = useTranslations('choiceBallot.receipt');
  return (
    <PageHeader
      title={t('title')}
      description={
        <>
          <Link href={href} className="font-medium text-brand-700 underline">
            #{number} {title}
          </Link>
          . {t('intro')}
          {memberWide ? ` ${t('introMemberWide')}` : null}
        </>
      }
    />
  );
}

function receiptAnswer(typed: string, published: Awaited<ReturnType<typeof loadReceiptLookup>>['published'], csv: string): ReceiptAnswer {
  if (typed.trim() === '') return published ? { kind: 'none' } : { kind: 'not_closed' };
  const receipt = parseReceipt(typed);
  if (!receipt) return { kind: 'malformed', typed };
  if (!published) return { kind: 'not_closed' };
  if (!published.receipts) return { kind: 'no_receipts' };
  const found = findReceipt(published.receipts, receipt, published.weights);
  if (!found) return { kind: 'not_found', receipt, memberWide: published.weights !== null };
  return {
    kind: 'found',
    receipt,
    method: published.count.method,
    options: published.count.options,
    preferences: found.preferences,
    // A member-wide vote's ballot counts with the weight it carried (its voter's and their delegators').
    weight: published.weights ? found.weight : null,
    csv,
  };
}
