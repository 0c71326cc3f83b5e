import type { Metadata } from 'next';
import Link from 'next/link';
import { loadMemberList, loadPendingInvitations, loadStakeholderGroups } from '@/db/read/member-pages';
import { MemberPager, MemberSearch } from '@/components/organizations/member-list-nav';
import { leaveOrganizationAction, removeMemberAction } from './actions';
import { MemberPageShell } from '@/components/governance/member-page-shell';
import { InviteMemberForm } from '@/components/organizations/invite-member-form';
import { PendingInvitations } from '@/components/organizations/pending-invitations';
import { RoleSelectForm } from '@/components/organizations/role-select-form';
import { StakeholderGroupForm, StakeholderGroupSuggestions } from '@/components/organizations/stakeholder-group-form';
import { ActionForm } from '@/components/ui/action-form';
import { ColumnHeaderRow } from '@/components/ui/column-header-row';
import { DescriptionList } from '@/components/ui/description-list';
import { LabelledSection } from '@/components/ui/labelled-section';
import { loadMemberPage } from '@/lib/auth/member-page';
import { roleDescriptions, roleLabels } from '@/lib/governance/roles';

export const metadata: Metadata = { title: 'Members' };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ done?: string | string[]; q?: string | string[]; page?: string | string[] }> };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

/** Members only: this page shows e-mail addresses, which never appear on public pages. */
export default async function MembersPage({ params, searchParams }: Props) {
  const { done, q: rawQ, page: rawPage } = await searchParams;
  const q = one(rawQ).trim().slice(0, 200);
  const requested = Number.parseInt(one(rawPage), 10);
  const { user, org, membership } = await loadMemberPage(params, '/members');
  const [list, invitations, groups] = await Promise.all([
    loadMemberList(org.id, q, Number.isSafeInteger(requested) && requested > 0 ? requested : 1),
    loadPendingInvitations(org.id),
    loadStakeholderGroups(org.id),
  ]);
  const members = list.rows;
  const isAdmin = membership.role === 'admin';
  // Weights (shares, votes) change only by a passed proposal; the column shows once any member's differs from 1.
  const showWeights = list.weightsDiffer;
  const basePath = `/o/${org.slug}/members`;

  return (
    <MemberPageShell
      org={org}
      current="members"
      title="Members"
      description={`${list.total.toLocaleString('en-US')} ${list.total === 1 ? 'member' : 'members'}${
        invitations.length > 0 ? ` and ${invitations.length} pending ${invitations.length === 1 ? 'invitation' : 'invitations'}` : ''
      }. Only members see these lists and their e-mail addresses.`}
    >
      <div className="grid gap-8 lg:grid-cols-[1fr_20rem]">
        <div className="min-w-0 space-y-8">
          <LabelledSection
            id="member-list"
            title="Member list"
            className="self-start overflow-x-auto rounded-2xl border border-zinc-200 bg-white shadow-sm"
            headingClassName="sr-only"
          >
            {isAdmin ? <StakeholderGroupSuggestions groups={groups} /> : null}
            {list.total > list.size ? <MemberSearch basePath={basePath} q={q} /> : null}
            <table className="w-full text-left text-sm">
              <thead className="border-b border-zinc-200 bg-zinc-50 text-xs uppercase tracking-wide text-zinc-500">
                <ColumnHeaderRow cellClassName="px-4 py-3" columns={['Person', 'Stakeholder group', ...(showWeights ? ['Votes'] : []), 'Role']} />
              </thead>
              <tbody className="divide-y divide-zinc-100">
                {members.map((m) => (
                  <tr key={m.membershipId} className="align-top">
                    <td className="px-4 py-3">
                      <span className="block font-medium break-all text-zinc-900">
                        {m.name ?? m.email}
                        {m.userId === user.id ? <span className="ml-2 text-xs font-normal text-zinc-500">(you)</span> : null}
                      </span>
                      {m.name ? <span className="block text-xs break-all text-zinc-600">{m.email}</span> : null}
                      {!m.signedInBefore ? (
                        <span className="mt-1 inline-block rounded-full bg-amber-100 px-2 py-0.5 text-xs text-amber-900">Invited, not yet signed in</span>
                      ) : null}
                    </td>
                    <td className="px-4 py-3">
                      {isAdmin ? (
                        <StakeholderGroupForm orgId={org.id} membershipId={m.membershipId} group={m.stakeholderGroup} memberLabel={m.name ?? m.email} />
                      ) : (
                        <span className={m.stakeholderGroup ? '' : 'text-zinc-500'}>{m.stakeholderGroup ?? '—'}</span>
                      )}
                    </td>
                    {showWeights ? <td className="px-4 py-3 tabular-nums">{m.weight.toLocaleString('en-US')}</td> : null}
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
                        <span title={roleDescriptions[m.role]} className="whitespace-nowrap">
                          {roleLabels[m.role]}
                        </span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {list.total > list.size || q ? (
              <MemberPager
                basePath={basePath}
                q={q}
                page={list.page}
                pages={Math.max(1, Math.ceil(list.matching / list.size))}
                matching={list.matching}
                total={list.total}
                shown={members.length}
                first={(list.page - 1) * list.size + 1}
              />
            ) : null}
            {showWeights ? (
              <p className="border-t border-zinc-100 px-4 py-3 text-xs text-zinc-600">
                Votes: each member&rsquo;s weight (shares). It changes only by a passed proposal, and every change is on the public record.
              </p>
            ) : null}
          </LabelledSection>
          <LabelledSection
            id="pending-invitations"
            title={`Pending invitations (${invitations.length})`}
            className="self-start rounded-2xl border border-zinc-200 bg-white shadow-sm"
            headingClassName="border-b border-zinc-200 px-4 py-3 text-base font-semibold"
          >
            {done === 'revoked' ? (
              <p role="status" className="mx-4 mt-3 rounded-lg border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
                Invitation revoked. The link in it no longer leads to a membership.
              </p>
            ) : null}
            <PendingInvitations orgId={org.id} invitations={invitations} isAdmin={isAdmin} />
          </LabelledSection>
        </div>

        <aside className="space-y-6">
          {isAdmin ? (
            <LabelledSection
              id="invite-title"
              title="Invite someone"
              className="rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm"
              headingClassName="mb-4 text-lg font-semibold"
            >
              <InviteMemberForm orgId={org.id} />
              <p className="mt-4 text-sm">
                <Link href={`/o/${org.slug}/settings/profile`} className="font-medium text-brand-700 underline">
                  Edit the organization&rsquo;s profile
                </Link>{' '}
                (name, mission, visibility)
              </p>
            </LabelledSection>
          ) : (
            <p className="rounded-2xl border border-zinc-200 bg-white p-6 text-sm text-zinc-600">
              Only admins invite members and change roles and stakeholder groups.
            </p>
          )}
          <LabelledSection
            id="leave-title"
            title="Leave this organization"
            className="rounded-2xl border border-zinc-200 bg-white p-6 text-sm shadow-sm"
            headingClassName="mb-3 font-semibold"
          >
            <ActionForm action={leaveOrganizationAction} hidden={{ orgId: org.id }} submitLabel="Leave" variant="secondary" label="Leave this organization">
              <p className="text-zinc-600">Your departure is on the public record. If you hold a seat, resign it first; the only admin cannot leave.</p>
              <label className="flex items-start gap-2">
                <input type="checkbox" name="confirm" value="leave" required className="mt-1" /> I want to leave {org.name}.
              </label>
            </ActionForm>
          </LabelledSection>
          <LabelledSection
            id="roles-title"
            title="What the roles mean"
            className="rounded-2xl border border-zinc-200 bg-white p-6 text-sm shadow-sm"
            headingClassName="mb-3 font-semibold"
          >
            <DescriptionList
              className="space-y-2"
              termClassName="font-medium"
              detailClassName="text-zinc-600"
              items={(Object.keys(roleDescriptions) as (keyof typeof roleDescriptions)[]).map((r) => [roleLabels[r], roleDescriptions[r]] as const)}
            />
          </LabelledSection>
        </aside>
      </div>
    </MemberPageShell>
  );
}
