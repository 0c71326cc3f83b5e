import type { Metadata } from 'next';
import Link from 'next/link';
import { OrgNav } from '@/components/governance/org-nav';
import { LogVerifier } from '@/components/transparency/log-verifier';
import { PageHeader } from '@/components/ui/page-header';
import { loadOrgPage } from '@/lib/auth/org-page';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const { org } = await loadOrgPage(slug);
  return { title: `Verify the decision log · ${org.name}` };
}

/** Anyone can check the decision log here, in their own browser, from the public export alone. */
export default async function VerifyPage({ params }: Props) {
  const { slug } = await params;
  const { org, membership } = await loadOrgPage(slug);
  return (
    <div>
      <OrgNav slug={org.slug} name={org.name} current="verify" isMember={Boolean(membership)} archivedAt={org.archivedAt} />
      <PageHeader
        title="Verify the decision log"
        description={
          <>
            Your browser recomputes every entry&rsquo;s hash and the chain linking them, rebuilds the Merkle tree, and checks each signed checkpoint against{' '}
            {org.name}&rsquo;s public key. If anyone had changed, removed or reordered an entry, it would show here.
          </>
        }
      />
      <LogVerifier exportUrl={`/api/o/${org.slug}/log/export`} orgName={org.name} />
      <section aria-labelledby="verify-elsewhere" className="mt-6 text-sm text-zinc-700">
        <h2 id="verify-elsewhere" className="font-semibold text-zinc-900">
          Checking without this website
        </h2>
        <p className="mt-1">
          The same checks run from the command line, against this server or a saved copy:{' '}
          <code className="text-xs">npm run verify -- &lt;organization URL | export file&gt; --key &lt;verifier key&gt;</code>. Keep a copy of the export: a
          later copy that disagrees with yours is evidence too. The entries themselves are on the{' '}
          <Link href={`/o/${org.slug}/log`} className="font-medium text-brand-700 underline">
            decision log
          </Link>
          .
        </p>
      </section>
    </div>
  );
}
