'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { changeMemberRoleAction } from '@/app/o/[slug]/members/actions';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialActionState } from '@/lib/actions/state';
import { membershipRoles } from '@/lib/governance/roles';
import type { Role } from '@/lib/governance/roles';

export function RoleSelectForm({ orgId, membershipId, role, memberLabel }: { orgId: string; membershipId: string; role: Role; memberLabel: string }) {
  const [state, formAction] = useActionState(changeMemberRoleAction, initialActionState);
  const t = useTranslations('memberForms');
  const tRoles = useTranslations('roles');
  const selectId = `role-${membershipId}`;
  const messageId = `role-msg-${membershipId}`;
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="orgId" value={orgId} />
      <input type="hidden" name="membershipId" value={membershipId} />
      <label htmlFor={selectId} className="sr-only">
        {t('roleOf', { name: memberLabel })}
      </label>
      <select id={selectId} name="role" defaultValue={role} aria-describedby={messageId} className="rounded-lg border border-zinc-300 px-2 py-1.5 text-sm">
        {membershipRoles.map((r) => (
          <option key={r} value={r}>
            {tRoles(r)}
          </option>
        ))}
      </select>
      <SubmitButton variant="secondary" pendingLabel={t('saving')} className="!px-3 !py-1.5">
        {t('change')}
      </SubmitButton>
      <p id={messageId} aria-live="polite" className={`w-full text-xs ${state.ok ? 'text-emerald-800' : 'text-red-700'}`}>
        {state.message}
      </p>
    </form>
  );
}
