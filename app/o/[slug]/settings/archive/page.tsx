import type { Metadata } from 'next';
import { MemberPageShell } from '@/components/governance/member-page-shell';
import { loadMemberPage } from '@/lib/auth/member-page';
import { ArchiveForm, UnarchiveForm } from './archive-form';

export const metadata: Metadata = { title: 'Archive the organization' };

type Props = { params: Promise<{ slug: string }> };

/** Admins only; the use case checks again, since a page is no guard for a POST. */
export default async function ArchiveOrganizationPage({ params }: Props) {
  const { org, membership } = await loadMemberPage(params, '/settings/archive');
  return (
    <MemberPageShell
      org={org}
      current="members"
      title={org.archivedAt ? 'Unarchive the organization' : 'Archive the organization'}
      description="An archived organization keeps its charter, proposals and decision log readable and verifiable, but takes no new proposals, comments, ballots or membership changes, and is not listed on the home page. Archiving and unarchiving are on the decision log."
    >
      <div className="max-w-2xl space-y-4">
        {membership.role !== 'admin' ? (
          <p className="rounded-2xl border border-zinc-200 bg-white p-6 text-sm text-zinc-600">Only admins archive or unarchive the organization.</p>
        ) : org.archivedAt ? (
          <UnarchiveForm orgId={org.id} />
        ) : (
          <>
            <p className="text-sm text-zinc-700">
              Archiving is refused while a proposal is published and not yet decided: let it be decided, or withdraw it, first.
            </p>
            <ArchiveForm orgId={org.id} name={org.name} />
          </>
        )}
      </div>
    </MemberPageShell>
  );
}
