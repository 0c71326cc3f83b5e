'use client';

import { useTranslations } from 'next-intl';
import { deleteAccountAction } from '@/app/account/actions';
import { fieldState, StateForm } from '@/components/forms/state-form';
import { Field } from '@/components/ui/field';
import { deleteAccountPhrase } from '@/lib/governance/account';

/** Deleting the account: what goes, what stays, and the phrase typed to confirm. */
export function DeleteAccountForm() {
  const t = useTranslations('account.delete');
  return (
    <section aria-labelledby="delete-account-heading" className="space-y-3">
      <h2 id="delete-account-heading" className="text-lg font-semibold text-zinc-900">
        {t('title')}
      </h2>
      <ul className="list-disc space-y-1 pl-5 text-sm text-zinc-700">
        {(['goes', 'log', 'record', 'seat', 'undone'] as const).map((k) => (
          <li key={k}>{t(k)}</li>
        ))}
      </ul>
      <StateForm
        action={deleteAccountAction}
        className="space-y-4"
        noValidate
        submitLabel={t('submit')}
        pendingLabel={t('deleting')}
        submitClassName="bg-red-700! hover:bg-red-800! disabled:bg-red-700/60!"
      >
        {(state) => (
          <Field
            id="delete-confirm"
            label={t('confirm', { phrase: deleteAccountPhrase })}
            required
            maxLength={40}
            autoComplete="off"
            {...fieldState(state, 'confirm', '')}
          />
        )}
      </StateForm>
    </section>
  );
}
