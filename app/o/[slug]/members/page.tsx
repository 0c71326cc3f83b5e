import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { findOrgForMember, loadMembers } from '@/db/read/member-pages';
import { leaveOrganizationAction, removeMemberAction } from './actions';
import { OrgNav } from '@/components/governance/org-nav';
import { InviteMemberForm } from '@/components/organizations/invite-member-form';
import { RoleSelectForm } from '@/components/organizations/role-select-form';
import { ActionForm } from '@/components/ui/action-form';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/session';
import { roleDescriptions, roleLabels } from '@/lib/governance/roles';

export const metadata: Metadata = { title: 'Members' };

type Props = { params: Promise<{ slug: string }> };

/** Members only: this page shows e-mail addresses, which never appear on public pages. */
export default async function MembersPage({ params }: Props) {
  const { slug } = await params;
  const user = await requireUser(`/o/${slug}/members`);
  const found = await findOrgForMember(slug, user.id);
  if (!found) notFound();
  const { org, membership } = found;
  if (!membership) notFound();
  const members = await loadMembers(org.id);
  const isAdmin = membership.role === 'admin';

  return (
    <div>
      <OrgNav slug={org.slug} name={org.name} current="members" isMember />
      <PageHeader
        title="Members"
        description={`${members.length} ${members.length === 1 ? 'person' : 'people'}. Only members see this list and its e-mail addresses.`}
      />

      <div className="grid gap-8 lg:grid-cols-[1fr_20rem]">
        <section aria-labelledby="member-list" className="self-start overflow-x-auto rounded-2xl border border-zinc-200 bg-white shadow-sm">
          <h2 id="member-list" className="sr-only">
            Member list
          </h2>
          <table className="w-full text-left text-sm">
            <thead className="border-b border-zinc-200 bg-zinc-50 text-xs uppercase tracking-wide text-zinc-500">
              <tr>
                <th scope="col" className="px-4 py-3">
                  Person
                </th>
                <th scope="col" className="px-4 py-3">
                  Role
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {members.map((m) => (
                <tr key={m.membershipId} className="align-top">
                  <td className="px-4 py-3">
                    <span className="block font-medium text-zinc-900">
                      {m.name ?? m.email}
                      {m.userId === user.id ? <span className="ml-2 text-xs font-normal text-zinc-500">(you)</span> : null}
                    </span>
                    {m.name ? <span className="block text-xs text-zinc-600">{m.email}</span> : null}
                    {!m.signedInBefore ? (
                      <span className="mt-1 inline-block rounded-full bg-amber-100 px-2 py-0.5 text-xs text-amber-900">Invited, not yet signed in</span>
                    ) : null}
                  </td>
                  <td className="px-4 py-3">
                    {isAdmin ? (
                      <>
                        <RoleSelectForm orgId={org.id} membershipId={m.membershipId} role={m.role} memberLabel={m.name ?? m.email} />
                        {m.userId !== user.id ? (
                          <details className="mt-2 text-xs">
                            <summary className="cursor-pointer text-red-800">Remove from the organization</summary>
                            <ActionForm
                              action={removeMemberAction}
                              hidden={{ orgId: org.id, membershipId: m.membershipId }}
                              submitLabel="Remove this member"
                              variant="secondary"
                              label={`Remove ${m.name ?? m.email}`}
                              className="mt-2"
                            >
                              <p className="text-zinc-600">
                                They lose access to members-only pages; the removal is on the public record. A seat holder must leave their seat first.
                              </p>
                            </ActionForm>
                          </details>
                        ) : null}
                      </>
                    ) : (
                      <span title={roleDescriptions[m.role]}>{roleLabels[m.role]}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>

        <aside className="space-y-6">
          {isAdmin ? (
            <section aria-labelledby="invite-title" className="rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm">
              <h2 id="invite-title" className="mb-4 text-lg font-semibold">
                Invite someone
              </h2>
              <InviteMemberForm orgId={org.id} />
              <p className="mt-4 text-sm">
                <Link href={`/o/${org.slug}/settings/profile`} className="font-medium text-brand-700 underline">
                  Edit the organization&rsquo;s profile
                </Link>{' '}
                (name, mission, visibility)
              </p>
            </section>
          ) : (
            <p className="rounded-2xl border border-zinc-200 bg-white p-6 text-sm text-zinc-600">Only admins invite members and change roles.</p>
          )}
          <section aria-labelledby="leave-title" className="rounded-2xl border border-zinc-200 bg-white p-6 text-sm shadow-sm">
            <h2 id="leave-title" className="mb-3 font-semibold">
              Leave this organization
            </h2>
            <ActionForm action={leaveOrganizationAction} hidden={{ orgId: org.id }} submitLabel="Leave" variant="secondary" label="Leave this organization">
              <p className="text-zinc-600">Your departure is on the public record. If you hold a seat, resign it first; the only admin cannot leave.</p>
              <label className="flex items-start gap-2">
                <input type="checkbox" name="confirm" value="leave" required className="mt-1" /> I want to leave {org.name}.
              </label>
            </ActionForm>
          </section>
          <section aria-labelledby="roles-title" className="rounded-2xl border border-zinc-200 bg-white p-6 text-sm shadow-sm">
            <h2 id="roles-title" className="mb-3 font-semibold">
              What the roles mean
            </h2>
            <dl className="space-y-2">
              {(Object.keys(roleDescriptions) as (keyof typeof roleDescriptions)[]).map((r) => (
                <div key={r}>
                  <dt className="font-medium">{roleLabels[r]}</dt>
                  <dd className="text-zinc-600">{roleDescriptions[r]}</dd>
                </div>
              ))}
            </dl>
          </section>
        </aside>
      </div>
    </div>
  );
}
