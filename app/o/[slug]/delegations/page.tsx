import type { Metadata } from 'next';
import Link from 'next/link';
import { loadDelegationsPage } from '@/db/read/delegations-page';
import { revokeDelegationAction } from './actions';
import { DelegateForm } from '@/components/governance/delegate-form';
import { MemberPageShell } from '@/components/governance/member-page-shell';
import { ActionForm } from '@/components/ui/action-form';
import { LabelledSection } from '@/components/ui/labelled-section';
import { loadMemberPage } from '@/lib/auth/member-page';
import { now } from '@/lib/clock';

export const metadata: Metadata = { title: 'My delegations' };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ done?: string | string[] }> };

const card = 'rounded-2xl border border-zinc-200 bg-white p-5 shadow-sm sm:p-6';

/** A member's delegations of their vote in member-wide votes, who delegates to them, and the form to delegate. */
export default async function DelegationsPage({ params, searchParams }: Props) {
  const { done } = await searchParams;
  const { user, org, membership } = await loadMemberPage(params, '/delegations');
  const page = await loadDelegationsPage(org.id, user.id, now());
  const observer = membership.role === 'observer';
  const carried = 1 + page.toMeGeneral.length;

  return (
    <MemberPageShell
      org={org}
      current="delegations"
      title="My delegations"
      description="In votes of the members (not of seats), another member can vote for you when you do not vote yourself. Your own vote always counts first."
    >
      <div className="grid gap-8 lg:grid-cols-[1fr_22rem]">
        <div className="min-w-0 space-y-8">
          <LabelledSection id="mine" title="Your delegations" className={card} headingClassName="mb-3 text-lg font-semibold">
            {done === 'revoked' ? (
              <p role="status" className="mb-3 rounded-lg border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
                Delegation revoked. A vote that is already open keeps the delegates it recorded when it opened.
              </p>
            ) : null}
            {page.mine.length === 0 ? (
              <p className="text-sm text-zinc-600">You have not delegated your vote. When you do not vote, your vote is not counted.</p>
            ) : (
              <ul className="divide-y divide-zinc-100">
                {page.mine.map((d) => (
                  <li key={d.id} className="py-3 first:pt-0 last:pb-0">
                    <p className="text-sm">
                      <span className="text-zinc-700">{d.scope.charAt(0).toUpperCase() + d.scope.slice(1)}:</span>{' '}
                      <span className="font-medium text-zinc-900">{d.delegateName}</span> votes for you
                      <span className="block text-xs text-zinc-500">Since {d.createdAt.toISOString().slice(0, 10)}</span>
                    </p>
                    {d.fixedInOpenVote ? (
                      <p className="mt-1 text-xs text-amber-800">Voting on this proposal has opened: its list of voters already includes this delegation.</p>
                    ) : null}
                    <details className="mt-2 text-sm">
                      <summary className="inline-flex min-h-11 cursor-pointer items-center text-red-800">Revoke…</summary>
                      <ActionForm
                        action={revokeDelegationAction}
                        hidden={{ orgId: org.id, delegationId: d.id }}
                        submitLabel="Yes, revoke this delegation"
                        variant="secondary"
                        label={`Revoke your delegation to ${d.delegateName} ${d.scope}`}
                        className="mt-2"
                      >
                        <p className="text-zinc-600">
                          {d.delegateName} will no longer vote for you {d.scope}. The revocation is on the decision log. A vote that is already open keeps the
                          delegates it recorded when it opened.
                        </p>
                      </ActionForm>
                    </details>
                  </li>
                ))}
              </ul>
            )}
          </LabelledSection>

          <LabelledSection id="to-me" title="Delegated to you" className={card} headingClassName="mb-3 text-lg font-semibold">
            {page.toMeGeneral.length === 0 && page.toMeOther.length === 0 ? (
              <p className="text-sm text-zinc-600">Nobody has delegated their vote to you.</p>
            ) : (
              <div className="space-y-4 text-sm">
                {page.toMeGeneral.length > 0 ? (
                  <div>
                    <p>
                      For every member-wide vote, when you vote and they do not, your ballot counts for{' '}
                      <strong>
                        {carried} {carried === 1 ? 'person' : 'people'}
                      </strong>{' '}
                      (you and {page.toMeGeneral.length} who delegate to you, directly or through others) — fewer if some of them named someone else for that
                      vote, or if the charter limits how long a chain of delegations may be.
                    </p>
                    <ul className="mt-2 flex flex-wrap gap-2">
                      {page.toMeGeneral.map((d) => (
                        <li key={d.name} className="rounded-full bg-zinc-100 px-3 py-1 text-zinc-800">
                          {d.name}
                          <span className="text-zinc-500">{d.direct ? '' : ' (through others)'}</span>
                        </li>
                      ))}
                    </ul>
                  </div>
                ) : null}
                {page.toMeOther.length > 0 ? (
                  <div>
                    <p>Directly, for some votes only:</p>
                    <ul className="mt-2 list-disc space-y-1 pl-5">
                      {page.toMeOther.map((d) => (
                        <li key={`${d.name} ${d.scope}`}>
                          {d.name} <span className="text-zinc-600">{d.scope}</span>
                        </li>
                      ))}
                    </ul>
                  </div>
                ) : null}
              </div>
            )}
          </LabelledSection>
        </div>

        <aside className="space-y-6">
          <LabelledSection id="delegate" title="Delegate your vote" className={card} headingClassName="mb-4 text-lg font-semibold">
            {observer ? (
              <p className="text-sm text-zinc-600">Observers do not vote, so they have no vote to delegate.</p>
            ) : !page.canDelegate ? (
              <p className="text-sm text-zinc-600">{org.name}&rsquo;s charter does not let members delegate their vote in any vote.</p>
            ) : (
              <DelegateForm orgId={org.id} members={page.members} scopes={page.scopes} />
            )}
          </LabelledSection>
          <LabelledSection
            id="how"
            title="How delegation works"
            className="rounded-2xl border border-zinc-200 bg-zinc-50 p-5 text-sm text-zinc-700"
            headingClassName="mb-2 font-semibold text-zinc-900"
          >
            <ul className="list-disc space-y-2 pl-5">
              <li>If you vote yourself, your vote counts, not your delegate&rsquo;s.</li>
              <li>If your delegate does not vote either, your vote goes on to their delegate, as far as the charter allows.</li>
              <li>
                When voting opens, the list of voters records each member&rsquo;s delegate. Changing or revoking a delegation later does not change a vote
                already open.
              </li>
              <li>
                Delegations are public: each one is on the{' '}
                <Link href={`/o/${org.slug}/log`} className="font-medium text-brand-700 underline">
                  decision log
                </Link>
                .
              </li>
            </ul>
          </LabelledSection>
        </aside>
      </div>
    </MemberPageShell>
  );
}
