'use client';

import { useActionState } from 'react';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialActionState } from '@/lib/actions/state';
import { archiveOrganizationAction, unarchiveOrganizationAction } from './actions';

/** Archive with the organization's name typed to confirm (checked on the server; works without JS). */
export function ArchiveForm({ orgId, name }: { orgId: string; name: string }) {
  const [state, formAction] = useActionState(archiveOrganizationAction, initialActionState);
  return (
    <form action={formAction} aria-label="Archive the organization" className="space-y-4 rounded-2xl border border-red-200 bg-white p-6 shadow-sm">
      <input type="hidden" name="orgId" value={orgId} />
      <Field
        id="archive-confirmation"
        name="confirmation"
        label={`Type the organization's name to confirm: ${name}`}
        required
        maxLength={200}
        autoComplete="off"
        defaultValue={state.values?.confirmation ?? ''}
        errors={state.fieldErrors?.confirmation}
      />
      <FormMessage state={state} />
      <SubmitButton pendingLabel="Archiving…">Archive the organization</SubmitButton>
    </form>
  );
}

export function UnarchiveForm({ orgId }: { orgId: string }) {
  const [state, formAction] = useActionState(unarchiveOrganizationAction, initialActionState);
  return (
    <form action={formAction} aria-label="Unarchive the organization" className="space-y-4 rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm">
      <input type="hidden" name="orgId" value={orgId} />
      <p className="text-sm text-zinc-700">Unarchiving lets the organization take proposals, comments, ballots and membership changes again. It is logged.</p>
      <FormMessage state={state} />
      <SubmitButton pendingLabel="Unarchiving…">Unarchive the organization</SubmitButton>
    </form>
  );
}
