import type { Metadata } from 'next';
import Link from 'next/link';
import { MemberPageShell } from '@/components/governance/member-page-shell';
import { loadMemberPage } from '@/lib/auth/member-page';
import { ProfileForm } from './profile-form';

export const metadata: Metadata = { title: 'Organization profile' };

type Props = { params: Promise<{ slug: string }> };

/** Admins only; the action checks again, since a page is no guard for a POST. */
export default async function OrganizationProfilePage({ params }: Props) {
  const { org, membership } = await loadMemberPage(params, '/settings/profile');
  return (
    <MemberPageShell
      org={org}
      current="members"
      title="Organization profile"
      description="Name, mission and who can read this organization. Every change is on the decision log, with what it was before."
    >
      {membership.role === 'admin' ? (
        <div className="max-w-2xl">
          <ProfileForm orgId={org.id} name={org.name} mission={org.mission} isPublic={org.isPublic} />
          <p className="mt-6 text-sm text-zinc-700">
            <Link href={`/o/${org.slug}/settings/archive`} className="font-medium text-brand-700 underline">
              {org.archivedAt ? 'Unarchive the organization' : 'Archive the organization'}
            </Link>{' '}
            — keeps its record readable and stops new proposals, comments, ballots and membership changes.
          </p>
        </div>
      ) : (
        <p className="rounded-2xl border border-zinc-200 bg-white p-6 text-sm text-zinc-600">Only admins change the organization&rsquo;s profile.</p>
      )}
    </MemberPageShell>
  );
}
