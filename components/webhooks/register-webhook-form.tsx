'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useState } from 'react';
import { registerWebhookAction } from '@/app/o/[slug]/settings/webhooks/actions';
import { FormMessage } from '@/components/ui/form-message';
import { ShownOnce } from '@/components/ui/shown-once';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialActionState } from '@/lib/actions/state';

/** The address field's example: an address, the same in every language. */
const exampleUrl = 'https://example.org/hooks/quorate';

type Props = { orgId: string; kinds: { kind: string; label: string }[] };

function Errors({ id, errors }: { id: string; errors: string[] | undefined }) {
  return errors ? (
    <p id={id} className="mt-1 text-sm text-red-800">
      {errors.join(' ')}
    </p>
  ) : null;
}

/**
 * Registers an endpoint. The signing secret comes back in the action's answer and is shown here
 * once (the server never shows it again); the page's lists are then refreshed around it.
 */
export function RegisterWebhookForm({ orgId, kinds }: Props) {
  const t = useTranslations('settings');
  const [state, register] = useActionState(registerWebhookAction, initialActionState);
  // What was chosen, from the last answer: a refused form comes back (and React resets it) as it was sent.
  const sentEvents = !state.ok && state.values?.events === 'chosen' ? 'chosen' : 'all';
  const [events, setEvents] = useState<'all' | 'chosen'>(sentEvents);
  const [answered, setAnswered] = useState(state);
  if (answered !== state) {
    setAnswered(state);
    setEvents(sentEvents);
  }
  const router = useRouter();
  const secret = state.ok ? (state.recorded?.secret ?? null) : null;
  useEffect(() => {
    if (secret) router.refresh();
  }, [secret, router]);
  const fe = state.fieldErrors ?? {};
  return (
    <div className="space-y-4">
      {secret ? (
        <ShownOnce
          id="webhook-secret"
          label={t('signingSecret')}
          value={secret}
          copyLabel={t('copySecret')}
          message={<FormMessage state={state} focusOnMessage />}
        />
      ) : null}
      <form action={register} aria-label={t('registerLabel')} className="space-y-4" noValidate>
        <input type="hidden" name="orgId" value={orgId} />
        <div>
          <label htmlFor="webhook-url" className="block text-sm font-medium text-zinc-900">
            {t('endpointUrl')}
          </label>
          <input
            id="webhook-url"
            name="url"
            type="url"
            inputMode="url"
            maxLength={2000}
            placeholder={exampleUrl}
            defaultValue={state.ok ? '' : state.values?.url}
            aria-invalid={fe.url ? true : undefined}
            aria-describedby={fe.url ? 'webhook-url-hint webhook-url-error' : 'webhook-url-hint'}
            className="mt-1 block w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm text-zinc-900"
          />
          <p id="webhook-url-hint" className="mt-1 text-xs text-zinc-600">
            {t('urlHint')}
          </p>
          <Errors id="webhook-url-error" errors={fe.url} />
        </div>
        <fieldset aria-describedby={fe.kinds ? 'webhook-kinds-error' : undefined}>
          <legend className="text-sm font-medium text-zinc-900">{t('whichEntries')}</legend>
          <label className="mt-2 flex items-center gap-2 text-sm text-zinc-900">
            <input type="radio" name="events" value="all" defaultChecked={sentEvents === 'all'} onChange={() => setEvents('all')} className="size-4" />
            {t('allKinds')}
          </label>
          <label className="mt-1 flex items-center gap-2 text-sm text-zinc-900">
            <input type="radio" name="events" value="chosen" defaultChecked={sentEvents === 'chosen'} onChange={() => setEvents('chosen')} className="size-4" />
            {t('chosenKinds')}
          </label>
          {events === 'chosen' ? (
            <div className="mt-3 grid gap-x-4 gap-y-1 sm:grid-cols-2">
              {kinds.map((k) => (
                <label key={k.kind} className="flex items-start gap-2 text-sm text-zinc-800">
                  <input
                    type="checkbox"
                    name={`kind:${k.kind}`}
                    defaultChecked={!state.ok && state.values?.[`kind:${k.kind}`] === 'on'}
                    className="mt-0.5 size-4 shrink-0"
                  />
                  <span>
                    {k.label} <code className="text-xs text-zinc-500">{k.kind}</code>
                  </span>
                </label>
              ))}
            </div>
          ) : null}
          <Errors id="webhook-kinds-error" errors={fe.kinds} />
        </fieldset>
        {secret ? null : <FormMessage state={state} focusOnMessage />}
        <SubmitButton pendingLabel={t('registering')}>{t('registerSubmit')}</SubmitButton>
      </form>
    </div>
  );
}
