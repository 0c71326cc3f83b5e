'use client';

import { useActionState } from 'react';
import { inviteMemberAction } from '@/app/o/[slug]/members/actions';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialActionState } from '@/lib/actions/state';
import { membershipRoles, roleLabels } from '@/lib/governance/roles';

export function InviteMemberForm({ orgId }: { orgId: string }) {
  const [state, formAction] = useActionState(inviteMemberAction, initialActionState);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="orgId" value={orgId} />
      <Field
        id="invite-email"
        name="email"
        type="email"
        label="E-mail address"
        required
        maxLength={254}
        autoComplete="off"
        defaultValue={state.ok ? '' : state.values?.email}
        errors={state.fieldErrors?.email}
      />
      <Field
        id="invite-name"
        name="name"
        label="Name (optional)"
        maxLength={80}
        defaultValue={state.ok ? '' : state.values?.name}
        errors={state.fieldErrors?.name}
        hint="Shown publicly on seats and proposals. They can change it later."
      />
      <div>
        <label htmlFor="invite-role" className="block text-sm font-medium text-zinc-900">
          Role
        </label>
        <select
          id="invite-role"
          name="role"
          defaultValue={state.values?.role ?? 'member'}
          className="mt-1 block w-full rounded-lg border border-zinc-300 px-3 py-2 text-sm"
        >
          {membershipRoles.map((r) => (
            <option key={r} value={r}>
              {roleLabels[r]}
            </option>
          ))}
        </select>
      </div>
      <FormMessage state={state} />
      <SubmitButton pendingLabel="Sending invitation…">Send invitation</SubmitButton>
    </form>
  );
}
