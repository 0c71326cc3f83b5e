'use client';

import { useTranslations } from 'next-intl';
import { updateNameAction } from '@/app/account/actions';
import { fieldState, StateForm } from '@/components/forms/state-form';
import { Field } from '@/components/ui/field';

export function NameForm({ name }: { name: string | null }) {
  const t = useTranslations('account.name');
  return (
    <StateForm action={updateNameAction} className="space-y-4" noValidate submitLabel={t('save')} pendingLabel={t('saving')}>
      {(state) => <Field id="account-name" label={t('label')} required maxLength={80} hint={t('hint')} {...fieldState(state, 'name', name ?? '')} />}
    </StateForm>
  );
}
