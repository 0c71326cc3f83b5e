import { useTranslations } from 'next-intl';
import { resendInvitationAction, revokeInvitationAction } from '@/app/o/[slug]/members/actions';
import { ActionForm } from '@/components/ui/action-form';
import type { Role } from '@/lib/governance/roles';

type Invitation = { membershipId: string; email: string; name: string | null; role: Role; invitedAt: Date; invitedByName: string | null };

/**
 * Invitations not accepted yet, for admins only (the members page shows it to no one else): each with its address,
 * a new link to send and a revoke. Pending invitees are not members: they get no notices, hold no seat and are not counted.
 */
export function PendingInvitations({ orgId, invitations }: { orgId: string; invitations: Invitation[] }) {
  const t = useTranslations('invitations');
  /** What every form on one invitation sends, how it looks, and its accessible name. */
  const formProps = (i: Invitation, verb: 'resendLabel' | 'revokeLabel') => ({
    hidden: { orgId, membershipId: i.membershipId },
    variant: 'secondary' as const,
    label: t(verb, { name: i.name ?? i.email }),
  });
  if (invitations.length === 0) return <p className="px-4 py-3 text-sm text-zinc-600">{t('none')}</p>;
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
                {i.invitedByName ? t('invitedBy', { role: i.role, at: i.invitedAt, by: i.invitedByName }) : t('invited', { role: i.role, at: i.invitedAt })}
              </span>
            </div>
            <div className="flex shrink-0 flex-wrap items-start gap-2">
              <ActionForm action={resendInvitationAction} {...formProps(i, 'resendLabel')} submitLabel={t('resend')} pendingLabel={t('sending')} />
              <details className="text-xs">
                <summary className="inline-flex min-h-11 cursor-pointer items-center rounded-lg px-2 text-red-800">{t('revokeSummary')}</summary>
                <ActionForm
                  action={revokeInvitationAction}
                  {...formProps(i, 'revokeLabel')}
                  submitLabel={t('revokeSubmit')}
                  pendingLabel={t('revoking')}
                  className="mt-2 max-w-xs"
                >
                  <p className="text-zinc-600">{t('revokeBody')}</p>
                </ActionForm>
              </details>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
