'use client';

import { useActionState } from 'react';
import { createCalendarFeedAction, rotateCalendarFeedAction } from '@/app/account/actions';
import { FormMessage } from '@/components/ui/form-message';
import { ShownOnce } from '@/components/ui/shown-once';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialActionState } from '@/lib/actions/state';

type Props = {
  /** The site's origin, for the full address of a new link. */
  origin: string;
  /** The person's feed, if they have one (ISO times). */
  feed: { createdAt: string; rotatedAt: string | null; lastUsedAt: string | null } | null;
  organizations: number;
};

const day = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

/**
 * The personal calendar link on /account: create it, or replace it (ticking a box first). A new
 * link is shown once, here, from the action's answer — the server keeps only its hash. One
 * component holds both forms, so the answer stays on screen when the page re-renders.
 */
export function CalendarFeedSection({ origin, feed, organizations }: Props) {
  const [created, create] = useActionState(createCalendarFeedAction, initialActionState);
  const [rotated, rotate] = useActionState(rotateCalendarFeedAction, initialActionState);
  // The newest link only: after a refused replacement, the one created earlier may be gone already.
  const fresh = rotated === initialActionState ? (created.recorded?.feedPath ?? null) : (rotated.recorded?.feedPath ?? null);
  const url = fresh ? `${origin}${fresh}` : null;
  const confirmErrors = rotated.fieldErrors?.confirmRotate;
  return (
    <section aria-labelledby="calendar-heading" className="space-y-3 rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm">
      <h2 id="calendar-heading" className="text-lg font-semibold text-zinc-900">
        Your calendar
      </h2>
      <p className="text-sm text-zinc-700">
        A private address your calendar app (Google Calendar, Apple Calendar, Outlook, Thunderbird) can subscribe to. It lists when comment windows and votes
        close in{' '}
        {organizations === 0
          ? 'the organizations you belong to (none yet)'
          : organizations === 1
            ? 'the organization you belong to'
            : `the ${organizations} organizations you belong to`}
        . Votes where you decide are marked “★ Your vote”.
      </p>
      <p className="text-sm text-zinc-700">Anyone who has the link can read these dates. Keep it to yourself, and replace it if it gets out.</p>
      {rotated.ok || created.ok ? <FormMessage state={rotated.ok ? rotated : created} focusOnMessage /> : null}
      {url ? (
        <ShownOnce id="calendar-url" label="Your calendar link" value={url} copyLabel="Copy the calendar link">
          <p className="text-xs text-emerald-950">In your calendar app, choose “Add calendar from URL” (or “Subscribe”) and paste it.</p>
        </ShownOnce>
      ) : null}
      {feed ? (
        <>
          <p className="text-sm text-zinc-700">
            You have a calendar link, {feed.rotatedAt ? `last replaced ${day(feed.rotatedAt)}` : `created ${day(feed.createdAt)}`}.{' '}
            {feed.lastUsedAt ? `A calendar last fetched it ${day(feed.lastUsedAt)}.` : 'No calendar has fetched it yet.'}
          </p>
          <form action={rotate} aria-label="Replace your calendar link" className="space-y-3" noValidate>
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
                <span>I understand that the old link stops working at once: calendars using it must be given the new one.</span>
              </label>
              {confirmErrors ? (
                <p id="confirm-rotate-error" className="mt-1 text-sm text-red-800">
                  {confirmErrors.join(' ')}
                </p>
              ) : null}
            </div>
            <FormMessage state={rotated.ok ? initialActionState : rotated} focusOnMessage />
            <SubmitButton variant="secondary" pendingLabel="Replacing…">
              Replace the link
            </SubmitButton>
          </form>
        </>
      ) : (
        <form action={create} aria-label="Create your calendar link" className="space-y-3">
          <FormMessage state={created.ok ? initialActionState : created} focusOnMessage />
          <SubmitButton pendingLabel="Creating…">Create my calendar link</SubmitButton>
        </form>
      )}
    </section>
  );
}
