'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { createCalendarFeedAction, rotateCalendarFeedAction } from '@/app/account/actions';
import { FormMessage } from '@/components/ui/form-message';
import { ShownOnce } from '@/components/ui/shown-once';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialActionState } from '@/lib/actions/state';
import { formats } from '@/lib/i18n/formats';

type Props = {
  /** The site's origin, for the full address of a new link. */
  origin: string;
  /** The person's feed, if they have one (ISO times). */
  feed: { createdAt: string; rotatedAt: string | null; lastUsedAt: string | null } | null;
  organizations: number;
};

/**
 * The personal calendar link on /account: create it, or replace it (ticking a box first). A new
 * link is shown once, here, from the action's answer — the server keeps only its hash. One
 * component holds both forms, so the answer stays on screen when the page re-renders.
 */
export function CalendarFeedSection({ origin, feed, organizations }: Props) {
  const t = useTranslations('account.calendar');
  const format = useFormatter();
  const day = (iso: string) => format.dateTime(new Date(iso), formats.dateTime.long);
  const [created, create] = useActionState(createCalendarFeedAction, initialActionState);
  const [rotated, rotate] = useActionState(rotateCalendarFeedAction, initialActionState);
  // The newest link only: after a refused replacement, the one created earlier may be gone already.
  const fresh = rotated === initialActionState ? (created.recorded?.feedPath ?? null) : (rotated.recorded?.feedPath ?? null);
  const url = fresh ? `${origin}${fresh}` : null;
  const confirmErrors = rotated.fieldErrors?.confirmRotate;
  return (
    <section aria-labelledby="calendar-heading" className="space-y-3 rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm">
      <h2 id="calendar-heading" className="text-lg font-semibold text-zinc-900">
        {t('title')}
      </h2>
      <p className="text-sm text-zinc-700">{t('intro', { count: organizations })}</p>
      <p className="text-sm text-zinc-700">{t('secret')}</p>
      {rotated.ok || created.ok ? <FormMessage state={rotated.ok ? rotated : created} focusOnMessage /> : null}
      {url ? (
        <ShownOnce id="calendar-url" label={t('linkLabel')} value={url} copyLabel={t('copyLabel')}>
          <p className="text-xs text-emerald-950">{t('howTo')}</p>
        </ShownOnce>
      ) : null}
      {feed ? (
        <>
          <p className="text-sm text-zinc-700">
            {feed.rotatedAt ? t('haveReplaced', { at: day(feed.rotatedAt) }) : t('haveCreated', { at: day(feed.createdAt) })}{' '}
            {feed.lastUsedAt ? t('fetched', { at: day(feed.lastUsedAt) }) : t('neverFetched')}
          </p>
          <form action={rotate} aria-label={t('replaceLabel')} className="space-y-3" noValidate>
            <div>
              <label className="flex items-start gap-3 text-sm text-zinc-900">
                <input
                  type="checkbox"
                  name="confirmRotate"
                  value="yes"
                  aria-invalid={confirmErrors ? true : undefined}
                  aria-describedby={confirmErrors ? 'confirm-rotate-error' : undefined}
                  className="mt-0.5 size-5 shrink-0"
                />
                <span>{t('replaceConfirm')}</span>
              </label>
              {confirmErrors ? (
                <p id="confirm-rotate-error" className="mt-1 text-sm text-red-800">
                  {confirmErrors.join(' ')}
                </p>
              ) : null}
            </div>
            <FormMessage state={rotated.ok ? initialActionState : rotated} focusOnMessage />
            <SubmitButton variant="secondary" pendingLabel={t('replacing')}>
              {t('replace')}
            </SubmitButton>
          </form>
        </>
      ) : (
        <form action={create} aria-label={t('createLabel')} className="space-y-3">
          <FormMessage state={created.ok ? initialActionState : created} focusOnMessage />
          <SubmitButton pendingLabel={t('creating')}>{t('create')}</SubmitButton>
        </form>
      )}
    </section>
  );
}
