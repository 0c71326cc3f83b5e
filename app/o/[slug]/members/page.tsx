import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getFormatter, getTranslations } from 'next-intl/server';
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
import { membershipRoles } from '@/lib/governance/roles';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('members');
  return { title: t('title') };
}

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ done?: string | string[]; q?: string | string[]; page?: string | string[]; c?: string | string[] }>;
};

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

/**
 * Members only: this page shows e-mail addresses, which never appear on public pages. The pending invitations, with
 * the invited addresses, only to admins (who alone may revoke or resend them: invitation.manage_admin_only), as the API's
 * GET /api/v1/orgs/{slug}/invitations.
 */
export default async function MembersPage({ params, searchParams }: Props) {
  const { done, q: rawQ, page: rawPage, c: cursor } = await searchParams;
  const q = one(rawQ).trim().slice(0, 200);
  const requested = Number.parseInt(one(rawPage), 10);
  const { user, org, membership } = await loadMemberPage(params, '/members');
  const isAdmin = membership.role === 'admin';
  const [list, invitations, groups] = await Promise.all([
    loadMemberList(org.id, q, Number.isSafeInteger(requested) && requested > 0 ? requested : 1, one(cursor)),
    // Not even read for anyone else: the invited addresses are for the admins' eyes.
    isAdmin ? loadPendingInvitations(org.id) : [],
    isAdmin ? loadStakeholderGroups(org.id) : [],
  ]);
  const members = list.rows;
  // Weights (shares, votes) change only by a passed proposal; the column shows once any member's differs from 1.
  const showWeights = list.weightsDiffer;
  const basePath = `/o/${org.slug}/members`;
  const t = await getTranslations('members');
  const tRoles = await getTranslations('roles');
  const format = await getFormatter();

  return (
    <MemberPageShell org={org} current="members" title={t('title')} description={t('description', { members: list.total, invitations: invitations.length })}>
      <div className="grid gap-8 lg:grid-cols-[1fr_20rem]">
        <div className="min-w-0 space-y-8">
          <LabelledSection
            id="member-list"
            title={t('listTitle')}
            className="self-start overflow-x-auto rounded-2xl border border-zinc-200 bg-white shadow-sm"
            headingClassName="sr-only"
          >
            {isAdmin ? <StakeholderGroupSuggestions groups={groups} /> : null}
            {list.total > list.size ? <MemberSearch basePath={basePath} q={q} /> : null}
            <table className="w-full text-left text-sm">
              <thead className="border-b border-zinc-200 bg-zinc-50 text-xs uppercase tracking-wide text-zinc-500">
                <ColumnHeaderRow
                  cellClassName="px-4 py-3"
                  columns={[t('columns.person'), t('columns.group'), ...(showWeights ? [t('columns.votes')] : []), t('columns.role')]}
                />
              </thead>
              <tbody className="divide-y divide-zinc-100">
                {members.map((m) => (
                  <tr key={m.membershipId} className="align-top">
                    <td className="px-4 py-3">
                      <span className="block font-medium break-all text-zinc-900">
                        {m.name ?? m.email}
                        {m.userId === user.id ? <span className="ml-2 text-xs font-normal text-zinc-500">{t('you')}</span> : null}
                      </span>
                      {m.name ? <span className="block text-xs break-all text-zinc-600">{m.email}</span> : null}
                      {!m.signedInBefore ? (
                        <span className="mt-1 inline-block rounded-full bg-amber-100 px-2 py-0.5 text-xs text-amber-900">{t('notSignedIn')}</span>
                      ) : null}
                    </td>
                    <td className="px-4 py-3">
                      {isAdmin ? (
                        <StakeholderGroupForm orgId={org.id} membershipId={m.membershipId} group={m.stakeholderGroup} memberLabel={m.name ?? m.email} />
                      ) : (
                        <span className={m.stakeholderGroup ? '' : 'text-zinc-500'}>{m.stakeholderGroup ?? '—'}</span>
                      )}
                    </td>
                    {showWeights ? <td className="px-4 py-3 tabular-nums">{format.number(m.weight)}</td> : null}
                    <td className="px-4 py-3">
                      {isAdmin ? (
                        <>
                          <RoleSelectForm orgId={org.id} membershipId={m.membershipId} role={m.role} memberLabel={m.name ?? m.email} />
                          {m.userId !== user.id ? (
                            <details className="mt-2 text-xs">
                              <summary className="cursor-pointer text-red-800">{t('removeSummary')}</summary>
                              <ActionForm
                                action={removeMemberAction}
                                hidden={{ orgId: org.id, membershipId: m.membershipId }}
                                submitLabel={t('removeSubmit')}
                                variant="secondary"
                                label={t('removeLabel', { name: m.name ?? m.email })}
                                className="mt-2"
                              >
                                <p className="text-zinc-600">{t('removeBody')}</p>
                              </ActionForm>
                            </details>
                          ) : null}
                        </>
                      ) : (
                        <span title={t(`roleDescriptions.${m.role}`)} className="whitespace-nowrap">
                          {tRoles(m.role)}
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
                pages={list.pages}
                cursors={list.cursors}
                matching={list.matching}
                total={list.total}
                shown={members.length}
                first={(list.page - 1) * list.size + 1}
              />
            ) : null}
            {showWeights ? <p className="border-t border-zinc-100 px-4 py-3 text-xs text-zinc-600">{t('weightsNote')}</p> : null}
          </LabelledSection>
          {isAdmin ? (
            <LabelledSection
              id="pending-invitations"
              title={t('pendingTitle', { count: invitations.length })}
              className="self-start rounded-2xl border border-zinc-200 bg-white shadow-sm"
              headingClassName="border-b border-zinc-200 px-4 py-3 text-base font-semibold"
            >
              {done === 'revoked' ? (
                <p role="status" className="mx-4 mt-3 rounded-lg border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
                  {t('revoked')}
                </p>
              ) : null}
              <PendingInvitations orgId={org.id} invitations={invitations} />
            </LabelledSection>
          ) : null}
        </div>

        <aside className="space-y-6">
          {isAdmin ? (
            <LabelledSection
              id="invite-title"
              title={t('inviteTitle')}
              className="rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm"
              headingClassName="mb-4 text-lg font-semibold"
            >
              <InviteMemberForm orgId={org.id} />
              <p className="mt-4 text-sm">
                {t.rich('editProfile', {
                  link: (chunks) => (
                    <Link href={`/o/${org.slug}/settings/profile`} className="font-medium text-brand-700 underline">
                      {chunks}
                    </Link>
                  ),
                })}
              </p>
            </LabelledSection>
          ) : (
            <p className="rounded-2xl border border-zinc-200 bg-white p-6 text-sm text-zinc-600">{t('adminsOnly')}</p>
          )}
          <LabelledSection
            id="leave-title"
            title={t('leaveTitle')}
            className="rounded-2xl border border-zinc-200 bg-white p-6 text-sm shadow-sm"
            headingClassName="mb-3 font-semibold"
          >
            <ActionForm action={leaveOrganizationAction} hidden={{ orgId: org.id }} submitLabel={t('leaveSubmit')} variant="secondary" label={t('leaveTitle')}>
              <p className="text-zinc-600">{t('leaveBody')}</p>
              <label className="flex items-start gap-2">
                <input type="checkbox" name="confirm" value="leave" required className="mt-1" /> {t('leaveConfirm', { name: org.name })}
              </label>
            </ActionForm>
          </LabelledSection>
          <LabelledSection
            id="roles-title"
            title={t('rolesTitle')}
            className="rounded-2xl border border-zinc-200 bg-white p-6 text-sm shadow-sm"
            headingClassName="mb-3 font-semibold"
          >
            <DescriptionList
              className="space-y-2"
              termClassName="font-medium"
              detailClassName="text-zinc-600"
              items={membershipRoles.map((r) => [tRoles(r), t(`roleDescriptions.${r}`)] as const)}
            />
          </LabelledSection>
        </aside>
      </div>
    </MemberPageShell>
  );
}
