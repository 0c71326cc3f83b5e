'use client';

import { requestMagicLinkAction } from '@/app/signin/actions';
import { fieldState, StateForm } from '@/components/forms/state-form';
import { Field } from '@/components/ui/field';

export function SignInForm({ callbackUrl, defaultEmail }: { callbackUrl: string; defaultEmail?: string }) {
  return (
    <StateForm
      action={requestMagicLinkAction}
      className="space-y-4"
      noValidate
      hidden={{ callbackUrl }}
      submitLabel="E-mail me a sign-in link"
      pendingLabel="Sending link…"
      submitClassName="w-full"
    >
      {(state) => (
        <Field
          id="signin-email"
          type="email"
          label="E-mail address"
          autoComplete="email"
          required
          maxLength={254}
          hint="We e-mail you a one-time link. No password to remember or leak."
          {...fieldState(state, 'email', defaultEmail)}
        />
      )}
    </StateForm>
  );
}
