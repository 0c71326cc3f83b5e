import { resendInvitationAction, revokeInvitationAction } from '@/app/o/[slug]/members/actions';
import { ActionForm } from '@/components/ui/action-form';
import { roleLabels } from '@/lib/governance/roles';
import type { Role } from '@/lib/governance/roles';

type Invitation = { membershipId: string; email: string; name: string | null; role: Role; invitedAt: Date; invitedByName: string | null };

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/**
 * Invitations not accepted yet. Pending invitees are not members: they get no notices, hold no
 * seat and are not counted. Admins may send a new link or revoke; others only see the list.
 */
export function PendingInvitations({ orgId, invitations, isAdmin }: { orgId: string; invitations: Invitation[]; isAdmin: boolean }) {
  /** What every form on one invitation sends, how it looks, and its accessible name. */
  const formProps = (i: Invitation, verb: 'Resend' | 'Revoke') => ({
    hidden: { orgId, membershipId: i.membershipId },
    variant: 'secondary' as const,
    label: `${verb} the invitation to ${i.name ?? i.email}`,
  });
  if (invitations.length === 0) return <p className="px-4 py-3 text-sm text-zinc-600">No invitation is waiting for an answer.</p>;
  return (
    <ul className="divide-y divide-zinc-100">
      {invitations.map((i) => {
        const who = i.name ?? i.email;
        return (
          <li key={i.membershipId} className="flex flex-col gap-3 px-4 py-3 sm:flex-row sm:items-start sm:justify-between">
            <div className="min-w-0 text-sm">
              <span className="block font-medium break-words text-zinc-900">{who}</span>
              {i.name ? <span className="block text-xs break-all text-zinc-600">{i.email}</span> : null}
              <span className="mt-1 block text-xs text-zinc-600">
                Invited as {roleLabels[i.role].toLowerCase()} on {dateFormat.format(i.invitedAt)}
                {i.invitedByName ? ` by ${i.invitedByName}` : ''}. Not a member until they accept.
              </span>
            </div>
            {isAdmin ? (
              <div className="flex shrink-0 flex-wrap items-start gap-2">
                <ActionForm action={resendInvitationAction} {...formProps(i, 'Resend')} submitLabel="Resend" pendingLabel="Sending…" />
                <details className="text-xs">
                  <summary className="inline-flex min-h-11 cursor-pointer items-center rounded-lg px-2 text-red-800">Revoke…</summary>
                  <ActionForm
                    action={revokeInvitationAction}
                    {...formProps(i, 'Revoke')}
                    submitLabel="Revoke this invitation"
                    pendingLabel="Revoking…"
                    className="mt-2 max-w-xs"
                  >
                    <p className="text-zinc-600">The link they were sent will no longer make them a member. The revocation is on the public record.</p>
                  </ActionForm>
                </details>
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
