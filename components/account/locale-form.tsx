'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/actions/state';
import { initialActionState } from '@/lib/actions/state';
import { localeNames, locales } from '@/lib/i18n/locales';

type Props = {
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  /** 'person': the signed-in person's own language (/account); 'organization': the organization's default (settings). */
  scope: 'person' | 'organization';
  hidden?: Record<string, string>;
  current: string | null;
};

/** Chooses a language: each offered by its own name (English, Français, Deutsch). */
export function LocaleForm({ action, scope, hidden = {}, current }: Props) {
  const [state, formAction] = useActionState(action, initialActionState);
  const t = useTranslations('localeForm');
  const id = `locale-${scope}`;
  return (
    <form action={formAction} className="space-y-3">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <label htmlFor={id} className="block text-sm font-medium text-zinc-900">
        {t(scope === 'person' ? 'personLabel' : 'orgLabel')}
      </label>
      <p id={`${id}-hint`} className="text-xs text-zinc-600">
        {t(scope === 'person' ? 'personHint' : 'orgHint')}
      </p>
      <select
        id={id}
        name="locale"
        defaultValue={state.values?.locale ?? current ?? ''}
        aria-describedby={`${id}-hint`}
        className="block min-h-11 rounded-lg border border-zinc-300 bg-white px-3 text-sm"
      >
        {scope === 'person' && !current ? (
          <option value="" disabled>
            {t('personNone')}
          </option>
        ) : null}
        {locales.map((l) => (
          <option key={l} value={l} lang={l}>
            {localeNames[l]}
          </option>
        ))}
      </select>
      {state.fieldErrors?.locale?.map((e) => (
        <p key={e} className="text-sm text-red-800">
          {e}
        </p>
      ))}
      <FormMessage state={state} />
      <SubmitButton pendingLabel={t('saving')}>{t('save')}</SubmitButton>
    </form>
  );
}
