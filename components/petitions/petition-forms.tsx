import { useLocale, useTranslations } from 'next-intl';
import { ActionForm } from '@/components/ui/action-form';
import type { ActionState } from '@/lib/actions/state';
import { bodyInSentence } from '@/lib/i18n/words';

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;
const input =
  'mt-1 block w-full rounded-lg border border-zinc-300 px-3 py-2 text-base shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30';
const check = 'mt-0.5 size-5 shrink-0 rounded border-zinc-400 text-brand-700';

/** Sign, with a ticked confirmation saying what is public. */
export function SignPetitionForm({
  action,
  orgId,
  petitionId,
  number,
  namesPublic,
}: {
  action: Action;
  orgId: string;
  petitionId: string;
  number: number;
  namesPublic: boolean;
}) {
  const t = useTranslations('petitions');
  return (
    <ActionForm action={action} hidden={{ orgId, petitionId }} submitLabel={t('signSubmit')} pendingLabel={t('signPending')} label={t('signLabel', { number })}>
      <label className="flex items-start gap-3 text-sm text-zinc-800">
        <input type="checkbox" name="confirm" value="yes" required className={check} />
        <span>{t('signConfirm', { number, namesPublic: String(namesPublic) })}</span>
      </label>
    </ActionForm>
  );
}

/** Revoke one's own signature, behind a disclosure and a ticked confirmation. */
export function RevokeSignatureForm({ action, orgId, petitionId, number }: { action: Action; orgId: string; petitionId: string; number: number }) {
  const t = useTranslations('petitions');
  return (
    <details className="text-sm">
      <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-red-800">{t('revokeSummary')}</summary>
      <ActionForm
        action={action}
        hidden={{ orgId, petitionId }}
        submitLabel={t('revokeSubmit')}
        pendingLabel={t('revokePending')}
        variant="secondary"
        label={t('revokeLabel', { number })}
        className="mt-2"
      >
        <label className="flex items-start gap-3 text-sm text-zinc-800">
          <input type="checkbox" name="confirm" value="yes" required className={check} />
          <span>{t('revokeConfirm')}</span>
        </label>
      </ActionForm>
    </details>
  );
}

/** The answering body's public answer, recorded by a secretary or admin. */
export function AnswerPetitionForm({ action, orgId, petitionId, bodyName }: { action: Action; orgId: string; petitionId: string; bodyName: string }) {
  const t = useTranslations('petitions');
  const locale = useLocale();
  return (
    <ActionForm action={action} hidden={{ orgId, petitionId }} submitLabel={t('answerSubmit')} pendingLabel={t('answerPending')} label={t('answerLabel')}>
      <label htmlFor="petition-answer" className="block text-sm font-medium text-zinc-900">
        {t('answerField', { body: bodyInSentence(bodyName, locale) })}
      </label>
      <textarea id="petition-answer" name="answer" required minLength={20} maxLength={10_000} rows={6} className={input} />
    </ActionForm>
  );
}

/** Open a petition: title, text, and for all members or the opener's stakeholder group. */
export function OpenPetitionForm({ action, orgId, group }: { action: Action; orgId: string; group: string | null }) {
  const t = useTranslations('petitions');
  return (
    <ActionForm action={action} hidden={{ orgId }} submitLabel={t('openSubmit')} pendingLabel={t('openPending')} label={t('openLabel')}>
      <div>
        <label htmlFor="petition-title" className="block text-sm font-medium text-zinc-900">
          {t('titleField')}
        </label>
        <input id="petition-title" name="title" required minLength={5} maxLength={160} className={input} />
      </div>
      <div>
        <label htmlFor="petition-body" className="block text-sm font-medium text-zinc-900">
          {t('bodyField')}
        </label>
        <textarea id="petition-body" name="body" required minLength={20} rows={6} className={input} />
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-zinc-900">{t('whoMaySign')}</legend>
        <label className="mt-2 flex min-h-11 items-center gap-3 text-sm">
          <input type="radio" name="constituency" value="all" defaultChecked className="size-5" /> {t('allMembers')}
        </label>
        <label className={`flex min-h-11 items-center gap-3 text-sm ${group ? '' : 'text-zinc-400'}`}>
          <input type="radio" name="constituency" value="group" disabled={!group} className="size-5" />
          {group ? t('myGroup', { group }) : t('noGroup')}
        </label>
      </fieldset>
    </ActionForm>
  );
}
