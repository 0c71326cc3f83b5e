'use client';

import { useState } from 'react';
import type { FormEvent } from 'react';
import { createOrganizationAction } from '@/app/orgs/new/actions';
import { fieldState, StateForm } from '@/components/forms/state-form';
import { Field } from '@/components/ui/field';
import { adjustCharter } from '@/lib/governance/charter-adjust';
import type { ActionState } from '@/lib/actions/state';
import type { Charter } from '@/lib/governance/types';
import { TemplatePreview } from './template-preview';

export type TemplateOption = {
  key: string;
  name: string;
  description: string;
  /** One line: the main body, its seats and quorum. */
  summary: string;
  primaryBodyName: string;
  primarySeats: number;
  /** The fewest seats the main body may be given (its seat classes must fit). */
  minimumSeats: number;
  maximumSeats: number;
  vacancyDeadlineDays: number;
  charter: Charter;
};

type Props = {
  templates: TemplateOption[];
  /** The template checked when the page opens (from ?template=, else the default). */
  initialTemplate: string;
};

/** A whole number typed into a field, when it is one within [min, max]; else undefined (the template's own number stands). */
function wholeIn(text: string | undefined, min: number, max: number): number | undefined {
  const v = text?.trim() ?? '';
  if (!/^\d{1,3}$/.test(v)) return undefined;
  const n = Number(v);
  return n >= min && n <= max ? n : undefined;
}

/** The chosen template as it would be adopted with the numbers typed so far (the founding action adjusts it the same way). */
function adjusted(t: TemplateOption, typed: { primarySeats?: string; vacancyDeadlineDays?: string }): { charter: Charter; seatsApplied: boolean } {
  const primarySeats = wholeIn(typed.primarySeats, t.minimumSeats, t.maximumSeats);
  const vacancyDeadlineDays = wholeIn(typed.vacancyDeadlineDays, 7, 365);
  return { charter: adjustCharter(t.charter, { primarySeats, vacancyDeadlineDays }), seatsApplied: primarySeats !== undefined };
}

/**
 * The founding form. The chosen template's bodies and rules are previewed below the choice: rendered on the server for the
 * template in the address (the "Preview" links work without JavaScript), and updated as soon as another one is chosen or
 * another seat count or vacancy deadline is typed.
 */
export function CreateOrganizationForm({ templates, initialTemplate }: Props) {
  const [chosen, setChosen] = useState<string | null>(null);
  // The numbers typed since the form last came back (a new answer starts over from what it echoed).
  const [typed, setTyped] = useState<{ after: ActionState; primarySeats?: string; vacancyDeadlineDays?: string } | null>(null);
  return (
    <StateForm action={createOrganizationAction} className="space-y-5" noValidate submitLabel="Create organization" pendingLabel="Creating…">
      {(state) => {
        const selectedKey = chosen ?? state.values?.template ?? initialTemplate;
        const selected = templates.find((t) => t.key === selectedKey) ?? templates[0];
        const numbers = typed?.after === state ? typed : (state.values ?? {});
        const preview = selected ? adjusted(selected, numbers) : null;
        const onNumbers = (e: FormEvent<HTMLDivElement>) => {
          const form = e.currentTarget.closest('form');
          if (!form) return;
          const read = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | null)?.value;
          setTyped({ after: state, primarySeats: read('primarySeats'), vacancyDeadlineDays: read('vacancyDeadlineDays') });
        };
        return (
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
              hint="Up to 2,000 characters, line breaks included, shown on your public page. Optional."
              {...fieldState(state, 'mission')}
            />
            <fieldset aria-describedby="template-hint">
              <legend className="block text-sm font-medium text-zinc-900">Charter template</legend>
              <p id="template-hint" className="mt-1 text-xs text-zinc-600">
                The charter says who decides and how. It is adopted now and can later change only through a charter-amendment proposal, decided by its own
                rules.
              </p>
              <div className="mt-2 space-y-2">
                {templates.map((t) => (
                  <div key={t.key} className="rounded-lg border border-zinc-300 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
                    <label className="flex min-h-11 cursor-pointer gap-3 p-3">
                      <input
                        type="radio"
                        name="template"
                        value={t.key}
                        // Uncontrolled: after each submission React resets the form to these defaults, which follow the choice.
                        defaultChecked={selected?.key === t.key}
                        onChange={() => setChosen(t.key)}
                        className="mt-1 size-5 shrink-0"
                      />
                      <span className="min-w-0">
                        <span className="block text-sm font-semibold text-zinc-900">{t.name}</span>
                        <span className="block text-xs text-zinc-600">{t.description}</span>
                        <span className="mt-1 block text-xs text-zinc-600">{t.summary}</span>
                      </span>
                    </label>
                    <noscript>
                      <a href={`?template=${t.key}#template-preview`} className="mb-3 ml-11 inline-block text-xs font-medium text-brand-700 underline">
                        Preview the {t.name.toLowerCase()} rules
                      </a>
                    </noscript>
                  </div>
                ))}
              </div>
              {state.fieldErrors?.template ? <p className="mt-1 text-sm text-red-700">{state.fieldErrors.template.join(' ')}</p> : null}
            </fieldset>
            <div className="grid gap-4 sm:grid-cols-2" onChange={onNumbers}>
              <Field
                id="org-primary-seats"
                label="Seats on the main body"
                hint={
                  selected
                    ? `The ${selected.primaryBodyName.toLowerCase()}: leave empty for ${selected.primarySeats}, or enter ${selected.minimumSeats} to ${selected.maximumSeats}. Quorum is always counted against these seats.`
                    : 'Leave empty for the template’s number. Quorum is always counted against these seats.'
                }
                {...fieldState(state, 'primarySeats')}
              />
              <Field
                id="org-vacancy-days"
                label="Vacancy deadline (days)"
                hint={`A seat empty longer than this is flagged publicly. Leave empty to keep the template’s${selected ? ` (${selected.vacancyDeadlineDays} days for the ${selected.primaryBodyName.toLowerCase()})` : ''}; a number from 7 to 365 applies to every body.`}
                {...fieldState(state, 'vacancyDeadlineDays')}
              />
            </div>
            {selected ? (
              <section id="template-preview" aria-labelledby="template-preview-title" className="-mx-2 rounded-xl bg-zinc-50 p-3 sm:mx-0 sm:p-4">
                <h2 id="template-preview-title" className="text-base font-semibold text-zinc-900">
                  Preview: the {selected.name.toLowerCase()} charter
                  {preview?.seatsApplied ? `, with ${preview.charter.bodies[0]!.charterSeats} ${selected.primaryBodyName.toLowerCase()} seats` : ''}
                </h2>
                <div className="mt-3">
                  <TemplatePreview name={selected.name} charter={preview?.charter ?? selected.charter} adjusted={preview?.seatsApplied ?? false} />
                </div>
              </section>
            ) : null}
          </>
        );
      }}
    </StateForm>
  );
}
