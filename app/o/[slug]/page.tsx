import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { countMembersByRole, getMembership } from '@/db/queries/memberships';
import { getOrganizationBySlug } from '@/db/queries/organizations';
import { LinkButton } from '@/components/ui/link-button';
import { PageHeader } from '@/components/ui/page-header';
import { getSessionUser } from '@/lib/auth/session';
import { membershipRoles, roleLabels, roleLabelsPlural } from '@/lib/governance/roles';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const org = await getOrganizationBySlug(getDb(), slug);
  return { title: org?.isPublic ? org.name : 'Organization' };
}

/** The public face of an organization: readable signed out, never showing private data. */
export default async function OrganizationPage({ params }: Props) {
  const { slug } = await params;
  const db = getDb();
  const org = await getOrganizationBySlug(db, slug);
  if (!org) notFound();
  const user = await getSessionUser();
  const membership = user ? await getMembership(db, org.id, user.id) : null;
  if (!org.isPublic && !membership) notFound();
  const byRole = await countMembersByRole(db, org.id);

  return (
    <div>
      <PageHeader title={org.name} description={org.mission || <span className="italic">No mission statement yet.</span>}>
        {membership ? <LinkButton href={`/o/${org.slug}/members`}>Members</LinkButton> : null}
      </PageHeader>

      {membership ? (
        <p className="mb-6 rounded-lg border border-brand-100 bg-brand-50 px-4 py-2 text-sm text-brand-800">
          You are {membership.role === 'admin' || membership.role === 'observer' ? 'an' : 'a'} {roleLabels[membership.role].toLowerCase()} of this organization.
        </p>
      ) : null}

      <section aria-labelledby="people" className="rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm">
        <h2 id="people" className="text-lg font-semibold">
          People
        </h2>
        <p className="mt-1 text-sm text-zinc-600">
          {org.memberCount} {org.memberCount === 1 ? 'person belongs' : 'people belong'} to {org.name}. Transparency is on: this page is public.
        </p>
        <dl className="mt-4 grid grid-cols-2 gap-4 sm:grid-cols-4">
          {membershipRoles.map((role) => (
            <div key={role} className="rounded-xl bg-zinc-50 p-4">
              <dt className="text-xs font-medium uppercase tracking-wide text-zinc-500">{roleLabelsPlural[role]}</dt>
              <dd className="mt-1 text-2xl font-bold text-zinc-900">{byRole[role]}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="record" className="mt-6 rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm">
        <h2 id="record" className="text-lg font-semibold">
          Charter and decisions
        </h2>
        <p className="mt-1 text-sm text-zinc-600">
          Founded {org.createdAt.toISOString().slice(0, 10)}. The charter, governing bodies and the verifiable decision log will be published here.
        </p>
      </section>
    </div>
  );
}
