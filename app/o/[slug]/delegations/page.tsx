import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { loadDelegationsPage } from '@/db/read/delegations-page';
import type { DelegationScope, DelegationScopeOption } from '@/db/read/delegations-page';
import { revokeDelegationAction } from './actions';
import { DelegateForm } from '@/components/governance/delegate-form';
import { MemberPageShell } from '@/components/governance/member-page-shell';
import { ActionForm } from '@/components/ui/action-form';
import { LabelledSection } from '@/components/ui/labelled-section';
import { loadMemberPage } from '@/lib/auth/member-page';
import { now } from '@/lib/clock';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('delegations');
  return { title: t('title') };
}

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ done?: string | string[] }> };

const card = 'rounded-2xl border border-zinc-200 bg-white p-5 shadow-sm sm:p-6';

/** A scope as the messages' `select` takes it: every member-wide vote, a type's votes, or one proposal. */
const scopeValues = (scope: DelegationScope) => ({
  kind: scope.proposalNumber !== null ? 'proposal' : scope.typeName !== null ? 'type' : 'general',
  type: scope.typeName ?? '',
  number: String(scope.proposalNumber ?? ''),
});

/** A member's delegations of their vote in member-wide votes, who delegates to them, and the form to delegate. */
export default async function DelegationsPage({ params, searchParams }: Props) {
  const { done } = await searchParams;
  const { user, org, membership } = await loadMemberPage(params, '/delegations');
  const page = await loadDelegationsPage(org.id, user.id, now());
  const t = await getTranslations('delegations');
  const observer = membership.role === 'observer';
  const carried = 1 + page.toMeGeneral.length;
  const optionLabel = (o: DelegationScopeOption) =>
    o.kind === 'general'
      ? t('optionGeneral')
      : o.kind === 'type'
        ? t('optionType', { type: o.typeName })
        : t('optionProposal', { number: String(o.number), title: o.title });

  return (
    <MemberPageShell org={org} current="delegations" title={t('title')} description={t('description')}>
      <div className="grid gap-8 lg:grid-cols-[1fr_22rem]">
        <div className="min-w-0 space-y-8">
          <LabelledSection id="mine" title={t('mineTitle')} className={card} headingClassName="mb-3 text-lg font-semibold">
            {done === 'revoked' ? (
              <p role="status" className="mb-3 rounded-lg border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
                {t('revoked')}
              </p>
            ) : null}
            {page.mine.length === 0 ? (
              <p className="text-sm text-zinc-600">{t('noneMine')}</p>
            ) : (
              <ul className="divide-y divide-zinc-100">
                {page.mine.map((d) => {
                  const scope = t('scope', scopeValues(d.scope));
                  return (
                    <li key={d.id} className="py-3 first:pt-0 last:pb-0">
                      <p className="text-sm">
                        {t.rich('mineItem', {
                          scope: t('scopeStart', scopeValues(d.scope)),
                          name: d.delegateName,
                          muted: (chunks) => <span className="text-zinc-700">{chunks}</span>,
                          b: (chunks) => <span className="font-medium text-zinc-900">{chunks}</span>,
                        })}
                        <span className="block text-xs text-zinc-500">{t('since', { date: d.createdAt })}</span>
                      </p>
                      {d.fixedInOpenVote ? <p className="mt-1 text-xs text-amber-800">{t('fixedInOpenVote')}</p> : null}
                      <details className="mt-2 text-sm">
                        <summary className="inline-flex min-h-11 cursor-pointer items-center text-red-800">{t('revokeSummary')}</summary>
                        <ActionForm
                          action={revokeDelegationAction}
                          hidden={{ orgId: org.id, delegationId: d.id }}
                          submitLabel={t('revokeSubmit')}
                          variant="secondary"
                          label={t('revokeLabel', { name: d.delegateName, scope })}
                          className="mt-2"
                        >
                          <p className="text-zinc-600">{t('revokeBody', { name: d.delegateName, scope })}</p>
                        </ActionForm>
                      </details>
                    </li>
                  );
                })}
              </ul>
            )}
          </LabelledSection>

          <LabelledSection id="to-me" title={t('toMeTitle')} className={card} headingClassName="mb-3 text-lg font-semibold">
            {page.toMeGeneral.length === 0 && page.toMeOther.length === 0 ? (
              <p className="text-sm text-zinc-600">{t('noneToMe')}</p>
            ) : (
              <div className="space-y-4 text-sm">
                {page.toMeGeneral.length > 0 ? (
                  <div>
                    <p>{t.rich('carried', { carried, count: page.toMeGeneral.length, b: (chunks) => <strong>{chunks}</strong> })}</p>
                    <ul className="mt-2 flex flex-wrap gap-2">
                      {page.toMeGeneral.map((d, i) => (
                        <li key={`${d.name ?? ''} ${i}`} className="rounded-full bg-zinc-100 px-3 py-1 text-zinc-800">
                          {d.name ?? t('aMember')}
                          {d.direct ? null : <span className="text-zinc-500"> {t('throughOthers')}</span>}
                        </li>
                      ))}
                    </ul>
                  </div>
                ) : null}
                {page.toMeOther.length > 0 ? (
                  <div>
                    <p>{t('someOnly')}</p>
                    <ul className="mt-2 list-disc space-y-1 pl-5">
                      {page.toMeOther.map((d) => {
                        const scope = t('scope', scopeValues(d.scope));
                        return (
                          <li key={`${d.name} ${scope}`}>
                            {d.name} <span className="text-zinc-600">{scope}</span>
                          </li>
                        );
                      })}
                    </ul>
                  </div>
                ) : null}
              </div>
            )}
          </LabelledSection>
        </div>

        <aside className="space-y-6">
          <LabelledSection id="delegate" title={t('delegateTitle')} className={card} headingClassName="mb-4 text-lg font-semibold">
            {observer ? (
              <p className="text-sm text-zinc-600">{t('observer')}</p>
            ) : !page.canDelegate ? (
              <p className="text-sm text-zinc-600">{t('cannotDelegate', { org: org.name })}</p>
            ) : (
              <DelegateForm orgId={org.id} members={page.members} scopes={page.scopes.map((o) => ({ value: o.value, label: optionLabel(o) }))} />
            )}
          </LabelledSection>
          <LabelledSection
            id="how"
            title={t('howTitle')}
            className="rounded-2xl border border-zinc-200 bg-zinc-50 p-5 text-sm text-zinc-700"
            headingClassName="mb-2 font-semibold text-zinc-900"
          >
            <ul className="list-disc space-y-2 pl-5">
              <li>{t('howOwn')}</li>
              <li>{t('howChain')}</li>
              <li>{t('howFixed')}</li>
              <li>
                {t.rich('howPublic', {
                  link: (chunks) => (
                    <Link href={`/o/${org.slug}/log`} className="font-medium text-brand-700 underline">
                      {chunks}
                    </Link>
                  ),
                })}
              </li>
            </ul>
          </LabelledSection>
        </aside>
      </div>
    </MemberPageShell>
  );
}
