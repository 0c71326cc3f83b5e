'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialActionState } from '@/lib/actions/state';
import { saveOrganizationProfileAction } from './actions';

export function ProfileForm({ orgId, name, mission, isPublic }: { orgId: string; name: string; mission: string; isPublic: boolean }) {
  const t = useTranslations('settings');
  const [state, formAction] = useActionState(saveOrganizationProfileAction, initialActionState);
  const v = state.values;
  const visibility = v?.visibility ?? (isPublic ? 'public' : 'private');
  return (
    <form action={formAction} className="space-y-4 rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm">
      <input type="hidden" name="orgId" value={orgId} />
      <Field id="profile-name" name="name" label={t('nameField')} required maxLength={120} defaultValue={v?.name ?? name} errors={state.fieldErrors?.name} />
      <Field
        id="profile-mission"
        name="mission"
        label={t('missionField')}
        multiline
        maxLength={2000}
        defaultValue={v?.mission ?? mission}
        errors={state.fieldErrors?.mission}
        hint={t('missionHint')}
      />
      <fieldset aria-describedby="visibility-hint">
        <legend className="text-sm font-medium text-zinc-900">{t('visibility')}</legend>
        <p id="visibility-hint" className="mb-2 text-xs text-zinc-600">
          {t('visibilityHint')}
        </p>
        <div className="flex flex-wrap gap-4 text-sm">
          <label className="flex items-center gap-2">
            <input type="radio" name="visibility" value="public" defaultChecked={visibility === 'public'} /> {t('public')}
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="visibility" value="private" defaultChecked={visibility === 'private'} /> {t('private')}
          </label>
        </div>
        {state.fieldErrors?.visibility ? <p className="mt-1 text-sm text-red-700">{state.fieldErrors.visibility.join(' ')}</p> : null}
      </fieldset>
      <FormMessage state={state} />
      <SubmitButton pendingLabel={t('saving')}>{t('saveProfile')}</SubmitButton>
    </form>
  );
}
