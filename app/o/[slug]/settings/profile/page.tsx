import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { findOrgForMember } from '@/db/read/member-pages';
import { OrgNav } from '@/components/governance/org-nav';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/session';
import { ProfileForm } from './profile-form';

export const metadata: Metadata = { title: 'Organization profile' };

type Props = { params: Promise<{ slug: string }> };

/** Admins only; the action checks again, since a page is no guard for a POST. */
export default async function OrganizationProfilePage({ params }: Props) {
  const { slug } = await params;
  const user = await requireUser(`/o/${slug}/settings/profile`);
  const found = await findOrgForMember(slug, user.id);
  if (!found) notFound();
  const { org, membership } = found;
  if (!membership) notFound();
  return (
    <div>
      <OrgNav slug={org.slug} name={org.name} current="members" isMember />
      <PageHeader
        title="Organization profile"
        description="Name, mission and who can read this organization. Every change is on the decision log, with what it was before."
      />
      {membership.role === 'admin' ? (
        <div className="max-w-2xl">
          <ProfileForm orgId={org.id} name={org.name} mission={org.mission} isPublic={org.isPublic} />
        </div>
      ) : (
        <p className="rounded-2xl border border-zinc-200 bg-white p-6 text-sm text-zinc-600">Only admins change the organization&rsquo;s profile.</p>
      )}
    </div>
  );
}
