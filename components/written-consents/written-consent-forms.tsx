import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/ui/action-form';
import type { ActionState } from '@/lib/actions/state';

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;
const input =
  'mt-1 block w-full rounded-lg border border-zinc-300 px-3 py-2 text-base shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30';
const check = 'mt-0.5 size-5 shrink-0 rounded border-zinc-400 text-brand-700';

/** Sign, with a ticked confirmation saying what signing means. */
export function SignWrittenConsentForm({ action, orgId, consentId, number }: { action: Action; orgId: string; consentId: string; number: number }) {
  const t = useTranslations('writtenConsents');
  return (
    <ActionForm action={action} hidden={{ orgId, consentId }} submitLabel={t('signSubmit')} pendingLabel={t('signPending')} label={t('signLabel', { number })}>
      <label className="flex items-start gap-3 text-sm text-zinc-800">
        <input type="checkbox" name="confirm" value="yes" required className={check} />
        <span>{t('signConfirm')}</span>
      </label>
    </ActionForm>
  );
}

/** Revoke one's own signature before the last one, behind a disclosure and a ticked confirmation. */
export function RevokeWrittenConsentForm({ action, orgId, consentId, number }: { action: Action; orgId: string; consentId: string; number: number }) {
  const t = useTranslations('writtenConsents');
  return (
    <details className="text-sm">
      <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-red-800">{t('revokeSummary')}</summary>
      <ActionForm
        action={action}
        hidden={{ orgId, consentId }}
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

/** Withdraw the whole consent (its opener or an admin). */
export function WithdrawWrittenConsentForm({ action, orgId, consentId, number }: { action: Action; orgId: string; consentId: string; number: number }) {
  const t = useTranslations('writtenConsents');
  return (
    <details className="text-sm">
      <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-zinc-700">{t('withdrawSummary')}</summary>
      <ActionForm
        action={action}
        hidden={{ orgId, consentId }}
        submitLabel={t('withdrawSubmit')}
        pendingLabel={t('withdrawPending')}
        variant="secondary"
        label={t('withdrawLabel', { number })}
        className="mt-2"
      >
        <label className="flex items-start gap-3 text-sm text-zinc-800">
          <input type="checkbox" name="confirm" value="yes" required className={check} />
          <span>{t('withdrawConfirm')}</span>
        </label>
      </ActionForm>
    </details>
  );
}

/** Open a written consent: the body, a title and the resolution's text. */
export function OpenWrittenConsentForm({ action, orgId, bodies }: { action: Action; orgId: string; bodies: { key: string; name: string; filled: number }[] }) {
  const t = useTranslations('writtenConsents');
  return (
    <ActionForm action={action} hidden={{ orgId }} submitLabel={t('openSubmit')} pendingLabel={t('openPending')} label={t('openTitle')}>
      <div>
        <label htmlFor="consent-body-key" className="block text-sm font-medium text-zinc-900">
          {t('bodyField')}
        </label>
        <select id="consent-body-key" name="bodyKey" required className={input} defaultValue={bodies[0]?.key}>
          {bodies.map((b) => (
            <option key={b.key} value={b.key}>
              {t('bodyOption', { name: b.name, count: b.filled })}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="consent-title" className="block text-sm font-medium text-zinc-900">
          {t('titleField')}
        </label>
        <input id="consent-title" name="title" required minLength={5} maxLength={160} className={input} />
      </div>
      <div>
        <label htmlFor="consent-text" className="block text-sm font-medium text-zinc-900">
          {t('textField')}
        </label>
        <textarea id="consent-text" name="body" required minLength={20} rows={6} className={input} />
      </div>
    </ActionForm>
  );
}
