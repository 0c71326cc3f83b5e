'use client';

import { useActionState } from 'react';
import { requestMagicLinkAction } from '@/app/signin/actions';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialActionState } from '@/lib/actions/state';

export function SignInForm({ callbackUrl, defaultEmail }: { callbackUrl: string; defaultEmail?: string }) {
  const [state, formAction] = useActionState(requestMagicLinkAction, initialActionState);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field
        id="signin-email"
        name="email"
        type="email"
        label="E-mail address"
        autoComplete="email"
        required
        maxLength={254}
        defaultValue={state.values?.email ?? defaultEmail}
        errors={state.fieldErrors?.email}
        hint="We e-mail you a one-time link. No password to remember or leak."
      />
      <FormMessage state={state} />
      <SubmitButton pendingLabel="Sending link…" className="w-full">
        E-mail me a sign-in link
      </SubmitButton>
    </form>
  );
}
