'use client';

import { useTranslations } from 'next-intl';
import { inviteMemberAction } from '@/app/o/[slug]/members/actions';
import { StateForm } from '@/components/forms/state-form';
import { Field } from '@/components/ui/field';
import { membershipRoles } from '@/lib/governance/roles';

export function InviteMemberForm({ orgId }: { orgId: string }) {
  const t = useTranslations('memberForms');
  const tRoles = useTranslations('roles');
  return (
    <StateForm
      action={inviteMemberAction}
      className="space-y-4"
      noValidate
      hidden={{ orgId }}
      submitLabel={t('inviteSubmit')}
      pendingLabel={t('invitePending')}
    >
      {(state) => (
        <>
          <Field
            id="invite-email"
            name="email"
            type="email"
            label={t('email')}
            required
            maxLength={254}
            autoComplete="off"
            defaultValue={state.ok ? '' : state.values?.email}
            errors={state.fieldErrors?.email}
          />
          <Field
            id="invite-name"
            name="name"
            label={t('name')}
            maxLength={80}
            defaultValue={state.ok ? '' : state.values?.name}
            errors={state.fieldErrors?.name}
            hint={t('nameHint')}
          />
          <div>
            <label htmlFor="invite-role" className="block text-sm font-medium text-zinc-900">
              {t('role')}
            </label>
            <select
              id="invite-role"
              name="role"
              defaultValue={state.values?.role ?? 'member'}
              className="mt-1 block w-full rounded-lg border border-zinc-300 px-3 py-2 text-sm"
            >
              {membershipRoles.map((r) => (
                <option key={r} value={r}>
                  {tRoles(r)}
                </option>
              ))}
            </select>
          </div>
        </>
      )}
    </StateForm>
  );
}
