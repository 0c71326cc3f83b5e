'use client';

import { StateForm } from '@/components/forms/state-form';
import { kindDescriptions, kindLabels, optionalKinds } from '@/lib/notify/kinds';
import type { NotificationModeValue, OptionalKind } from '@/lib/notify/kinds';
import { saveNotificationPreferencesAction } from './actions';

const modeLabels: Record<NotificationModeValue, string> = { immediate: 'Immediately', digest: 'Daily digest', off: 'Off' };

export function PreferencesForm({ orgId, modes }: { orgId: string; modes: Record<OptionalKind, NotificationModeValue> }) {
  return (
    <StateForm action={saveNotificationPreferencesAction} className="space-y-4" hidden={{ orgId }} submitLabel="Save preferences" pendingLabel="Saving…">
      {() =>
        optionalKinds.map((kind) => (
          <fieldset key={kind} className="rounded-xl border border-zinc-200 bg-white p-4" aria-describedby={`${kind}-desc`}>
            <legend className="px-1 font-semibold text-zinc-900">{kindLabels[kind]}</legend>
            <p id={`${kind}-desc`} className="mb-2 text-sm text-zinc-600">
              {kindDescriptions[kind]}
            </p>
            <div className="flex flex-wrap gap-4">
              {(['immediate', 'digest', 'off'] as const).map((mode) => (
                <label key={mode} className="flex items-center gap-2 text-sm">
                  <input type="radio" name={kind} value={mode} defaultChecked={modes[kind] === mode} />
                  {modeLabels[mode]}
                </label>
              ))}
            </div>
          </fieldset>
        ))
      }
    </StateForm>
  );
}
