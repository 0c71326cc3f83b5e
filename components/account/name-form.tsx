'use client';

import { useActionState } from 'react';
import { updateNameAction } from '@/app/account/actions';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialActionState } from '@/lib/actions/state';

export function NameForm({ name }: { name: string | null }) {
  const [state, formAction] = useActionState(updateNameAction, initialActionState);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <Field
        id="account-name"
        name="name"
        label="Your name"
        required
        maxLength={80}
        defaultValue={state.values?.name ?? name ?? ''}
        errors={state.fieldErrors?.name}
        hint="Public: shown on seats, proposals, comments and roll calls. Your e-mail address never is."
      />
      <FormMessage state={state} />
      <SubmitButton pendingLabel="Saving…">Save</SubmitButton>
    </form>
  );
}
