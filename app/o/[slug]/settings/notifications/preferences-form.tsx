'use client';

import { StateForm } from '@/components/forms/state-form';
import type { NotificationModeValue, OptionalKind } from '@/lib/notify/kinds';
import { saveNotificationPreferencesAction } from './actions';

type Props = {
  orgId: string;
  modes: Record<OptionalKind, NotificationModeValue>;
  /** Each optional kind, its name and what it is, in the reader's language (from the page). */
  kinds: { kind: OptionalKind; label: string; description: string }[];
  modeLabels: Record<NotificationModeValue, string>;
  submitLabel: string;
  pendingLabel: string;
};

export function PreferencesForm({ orgId, modes, kinds, modeLabels, submitLabel, pendingLabel }: Props) {
  return (
    <StateForm action={saveNotificationPreferencesAction} className="space-y-4" hidden={{ orgId }} submitLabel={submitLabel} pendingLabel={pendingLabel}>
      {() =>
        kinds.map(({ kind, label, description }) => (
          <fieldset key={kind} className="rounded-xl border border-zinc-200 bg-white p-4" aria-describedby={`${kind}-desc`}>
            <legend className="px-1 font-semibold text-zinc-900">{label}</legend>
            <p id={`${kind}-desc`} className="mb-2 text-sm text-zinc-600">
              {description}
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
