'use client';

import { useTranslations } from 'next-intl';
import { requestMagicLinkAction } from '@/app/signin/actions';
import { fieldState, StateForm } from '@/components/forms/state-form';
import { Field } from '@/components/ui/field';

export function SignInForm({ callbackUrl, defaultEmail }: { callbackUrl: string; defaultEmail?: string }) {
  const t = useTranslations('signInForm');
  return (
    <StateForm
      action={requestMagicLinkAction}
      className="space-y-4"
      noValidate
      hidden={{ callbackUrl }}
      submitLabel={t('submit')}
      pendingLabel={t('pending')}
      submitClassName="w-full"
    >
      {(state) => (
        <Field
          id="signin-email"
          type="email"
          label={t('email')}
          autoComplete="email"
          required
          maxLength={254}
          hint={t('hint')}
          {...fieldState(state, 'email', defaultEmail)}
        />
      )}
    </StateForm>
  );
}
