'use client';

import { createOrganizationAction } from '@/app/orgs/new/actions';
import { fieldState, StateForm } from '@/components/forms/state-form';
import { Field } from '@/components/ui/field';

export type TemplateOption = { key: string; name: string; description: string; primaryBodyName: string; primarySeats: number; vacancyDeadlineDays: number };

/** The template's numbers a new organization may set otherwise: each left empty keeps the template's. */
const charterAdjustments = [
  {
    id: 'org-primary-seats',
    name: 'primarySeats',
    label: 'Seats on the main body',
    hint: 'Leave empty for the template’s number. Quorum is always counted against these seats.',
  },
  { id: 'org-vacancy-days', name: 'vacancyDeadlineDays', label: 'Vacancy deadline (days)', hint: 'A seat empty longer than this is flagged publicly.' },
];

export function CreateOrganizationForm({ templates }: { templates: TemplateOption[] }) {
  return (
    <StateForm action={createOrganizationAction} className="space-y-5" noValidate submitLabel="Create organization" pendingLabel="Creating…">
      {(state) => (
        <>
          <Field id="org-name" label="Name" required maxLength={120} placeholder="River Valley Food Co-op" {...fieldState(state, 'name')} />
          <Field
            id="org-slug"
            label="Address (slug)"
            maxLength={48}
            hint="Lowercase letters, digits and hyphens; your public page will be /o/<slug>. Leave empty to derive it from the name."
            placeholder="river-valley-food-co-op"
            {...fieldState(state, 'slug')}
          />
          <Field
            id="org-mission"
            label="Mission"
            multiline
            maxLength={2000}
            hint="One or two sentences, shown on your public page. Optional."
            {...fieldState(state, 'mission')}
          />
          <fieldset aria-describedby="template-hint">
            <legend className="block text-sm font-medium text-zinc-900">Charter template</legend>
            <p id="template-hint" className="mt-1 text-xs text-zinc-600">
              The charter is adopted now and can later change only through a charter-amendment proposal.
            </p>
            <div className="mt-2 space-y-2">
              {templates.map((t, i) => (
                <label
                  key={t.key}
                  className="flex cursor-pointer gap-3 rounded-lg border border-zinc-300 p-3 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
                >
                  <input
                    type="radio"
                    name="template"
                    value={t.key}
                    defaultChecked={(state.values?.template ?? templates[0]?.key) === t.key || (!state.values?.template && i === 0)}
                    className="mt-1"
                  />
                  <span>
                    <span className="block text-sm font-semibold text-zinc-900">{t.name}</span>
                    <span className="block text-xs text-zinc-600">{t.description}</span>
                    <span className="mt-1 block text-xs text-zinc-500">
                      {t.primaryBodyName}: {t.primarySeats} seats · vacancies due within {t.vacancyDeadlineDays} days
                    </span>
                  </span>
                </label>
              ))}
            </div>
            {state.fieldErrors?.template ? <p className="mt-1 text-sm text-red-700">{state.fieldErrors.template.join(' ')}</p> : null}
          </fieldset>
          <div className="grid gap-4 sm:grid-cols-2">
            {charterAdjustments.map((f) => (
              <Field key={f.name} id={f.id} label={f.label} hint={f.hint} {...fieldState(state, f.name)} />
            ))}
          </div>
        </>
      )}
    </StateForm>
  );
}
