'use client';

import { updateNameAction } from '@/app/account/actions';
import { fieldState, StateForm } from '@/components/forms/state-form';
import { Field } from '@/components/ui/field';

export function NameForm({ name }: { name: string | null }) {
  return (
    <StateForm action={updateNameAction} className="space-y-4" noValidate submitLabel="Save" pendingLabel="Saving…">
      {(state) => (
        <Field
          id="account-name"
          label="Your name"
          required
          maxLength={80}
          hint="Public: shown on seats, proposals, comments and roll calls. Your e-mail address never is."
          {...fieldState(state, 'name', name ?? '')}
        />
      )}
    </StateForm>
  );
}
