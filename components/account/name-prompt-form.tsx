'use client';

import { useTranslations } from 'next-intl';
import { usePathname } from 'next/navigation';
import { useActionState } from 'react';
import { skipNamePromptAction, updateNameAction } from '@/app/account/actions';
import { fieldState } from '@/components/forms/state-form';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialActionState } from '@/lib/actions/state';

/**
 * The name prompt's form: Save, or "Skip for now". Once either succeeds the server stops asking,
 * and what was done stays said here until the person moves to another page.
 */
export function NamePromptForm({ due }: { due: boolean }) {
  const pathname = usePathname();
  // The account page asks for the name in its own form.
  if (pathname.startsWith('/account')) return null;
  return <Prompt key={pathname} due={due} />;
}

function Prompt({ due }: { due: boolean }) {
  const t = useTranslations('account.prompt');
  const [saved, save] = useActionState(updateNameAction, initialActionState);
  const [skipped, skip] = useActionState(skipNamePromptAction, initialActionState);
  const done = saved.ok ? saved : skipped.ok ? skipped : null;
  if (done)
    return (
      <div className="mb-6">
        <FormMessage state={done} focusOnMessage />
      </div>
    );
  if (!due) return null;
  return (
    <div className="mb-6 rounded-2xl border border-brand-100 bg-brand-50 p-4">
      <form action={save} noValidate className="flex flex-col gap-3 sm:flex-row sm:items-start">
        <div className="min-w-0 flex-1">
          <Field id="name-prompt" label={t('label')} maxLength={80} autoComplete="name" hint={t('hint')} {...fieldState(saved, 'name', '')} />
        </div>
        <div className="flex gap-2 sm:mt-6">
          <SubmitButton pendingLabel={t('saving')}>{t('save')}</SubmitButton>
          <button
            type="submit"
            formAction={skip}
            className="inline-flex min-h-11 items-center justify-center rounded-lg border border-zinc-300 bg-white px-4 py-2 text-sm font-semibold text-zinc-900 shadow-sm hover:bg-zinc-50"
          >
            {t('skip')}
          </button>
        </div>
      </form>
      <div className="mt-2">
        {/* A refusal of either button; a bad name is also said beside the field. */}
        <FormMessage state={skipped.message ? skipped : saved} />
      </div>
    </div>
  );
}
