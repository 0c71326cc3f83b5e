'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialActionState } from '@/lib/actions/state';
import { archiveOrganizationAction, unarchiveOrganizationAction } from './actions';

/** Archive with the organization's name typed to confirm (checked on the server; works without JS). */
export function ArchiveForm({ orgId, name }: { orgId: string; name: string }) {
  const t = useTranslations('settings');
  const [state, formAction] = useActionState(archiveOrganizationAction, initialActionState);
  return (
    <form action={formAction} aria-label={t('archiveTitle')} className="space-y-4 rounded-2xl border border-red-200 bg-white p-6 shadow-sm">
      <input type="hidden" name="orgId" value={orgId} />
      <Field
        id="archive-confirmation"
        name="confirmation"
        label={t('archiveConfirm', { name })}
        required
        maxLength={200}
        autoComplete="off"
        defaultValue={state.values?.confirmation ?? ''}
        errors={state.fieldErrors?.confirmation}
      />
      <FormMessage state={state} />
      <SubmitButton pendingLabel={t('archiving')}>{t('archiveTitle')}</SubmitButton>
    </form>
  );
}

export function UnarchiveForm({ orgId }: { orgId: string }) {
  const t = useTranslations('settings');
  const [state, formAction] = useActionState(unarchiveOrganizationAction, initialActionState);
  return (
    <form action={formAction} aria-label={t('unarchiveTitle')} className="space-y-4 rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm">
      <input type="hidden" name="orgId" value={orgId} />
      <p className="text-sm text-zinc-700">{t('unarchiveNote')}</p>
      <FormMessage state={state} />
      <SubmitButton pendingLabel={t('unarchiving')}>{t('unarchiveTitle')}</SubmitButton>
    </form>
  );
}
