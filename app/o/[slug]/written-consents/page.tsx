import type { Metadata } from 'next';
import { OrgNav } from '@/components/governance/org-nav';
import { EmptyState } from '@/components/ui/empty-state';
import { LabelledSection } from '@/components/ui/labelled-section';
import { PageHeader } from '@/components/ui/page-header';
import { OpenWrittenConsentForm } from '@/components/written-consents/written-consent-forms';
import { WrittenConsentList } from '@/components/written-consents/written-consent-list';
import { loadWrittenConsentsPage } from '@/db/read/written-consents';
import type { WrittenConsentSummary } from '@/db/read/written-consents';
import { loadOrgPage } from '@/lib/auth/org-page';
import { now } from '@/lib/clock';
import { openWrittenConsentAction } from './actions';

export const metadata: Metadata = { title: 'Written consents' };

const groups: { id: string; title: string; kinds: WrittenConsentSummary['phase']['kind'][] }[] = [
  { id: 'open', title: 'Open for signatures', kinds: ['open'] },
  { id: 'adopted', title: 'Adopted', kinds: ['adopted'] },
  { id: 'ended', title: 'Not adopted (expired, lapsed or withdrawn)', kinds: ['expired', 'lapsed', 'withdrawn'] },
];

/** Every written consent of the organization, open ones first; public like the proposals. */
export default async function WrittenConsentsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { org, user, membership } = await loadOrgPage(slug);
  const at = now();
  const page = await loadWrittenConsentsPage(org.id, user?.id ?? null, at);

  return (
    <div>
      <OrgNav slug={org.slug} name={org.name} current="written-consents" isMember={Boolean(membership)} archivedAt={org.archivedAt} />
      <PageHeader
        title="Written consents"
        description="A body decides without a meeting only when every one of its seat holders signs. Each signature, revocation and the adoption are in the decision log."
      />
      {page.rules ? <p className="mb-6 max-w-3xl text-sm text-zinc-700">{page.rules}</p> : null}
      {page.consents.length === 0 ? <EmptyState title="No written consents yet.">Written consents and their signatures appear here.</EmptyState> : null}
      <div className="space-y-8">
        {groups.map((g) => {
          const list = page.consents.filter((c) => g.kinds.includes(c.phase.kind));
          if (list.length === 0) return null;
          return (
            <LabelledSection key={g.id} id={`written-consents-${g.id}`} title={`${g.title} (${list.length})`} headingClassName="mb-3 text-lg font-semibold">
              <WrittenConsentList slug={org.slug} consents={list} now={at} />
            </LabelledSection>
          );
        })}
      </div>

      {page.blocked.map((b) => (
        <p key={b.key} className="mt-6 max-w-3xl rounded-xl border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">
          {b.refusal}
        </p>
      ))}

      {page.bodies.length > 0 && !org.archivedAt ? (
        <LabelledSection
          id="open-written-consent"
          title="Open a written consent"
          className="mt-10 max-w-2xl rounded-2xl border border-zinc-200 bg-white p-5 shadow-sm sm:p-6"
          headingClassName="mb-3 text-lg font-semibold"
        >
          <p className="mb-4 text-sm text-zinc-600">
            Every person holding one of the body’s seats now must sign; they are e-mailed it at once. Opening it does not sign it: sign it on its page.
          </p>
          <OpenWrittenConsentForm action={openWrittenConsentAction} orgId={org.id} bodies={page.bodies} />
        </LabelledSection>
      ) : null}
    </div>
  );
}
