'use client';

import { useLocale, useTranslations } from 'next-intl';
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
  const t = useTranslations('newOrg');
  // English lowercases a body's or template's name inside a sentence ("the board"); French and German keep it as the charter gives it.
  const inSentence = useLocale() === 'en' ? (name: string) => name.toLowerCase() : (name: string) => name;
  const [chosen, setChosen] = useState<string | null>(null);
  // The numbers typed since the form last came back (a new answer starts over from what it echoed).
  const [typed, setTyped] = useState<{ after: ActionState; primarySeats?: string; vacancyDeadlineDays?: string } | null>(null);
  return (
    <StateForm action={createOrganizationAction} className="space-y-5" noValidate submitLabel={t('submit')} pendingLabel={t('creating')}>
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
            <Field id="org-name" label={t('name')} required maxLength={120} placeholder={t('namePlaceholder')} {...fieldState(state, 'name')} />
            <Field id="org-slug" label={t('slug')} maxLength={48} hint={t('slugHint')} placeholder={t('slugPlaceholder')} {...fieldState(state, 'slug')} />
            <Field id="org-mission" label={t('mission')} multiline maxLength={2000} hint={t('missionHint', { max: 2000 })} {...fieldState(state, 'mission')} />
            <fieldset aria-describedby="template-hint">
              <legend className="block text-sm font-medium text-zinc-900">{t('template')}</legend>
              <p id="template-hint" className="mt-1 text-xs text-zinc-600">
                {t('templateHint')}
              </p>
              <div className="mt-2 space-y-2">
                {templates.map((option) => (
                  <div key={option.key} className="rounded-lg border border-zinc-300 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
                    <label className="flex min-h-11 cursor-pointer gap-3 p-3">
                      <input
                        type="radio"
                        name="template"
                        value={option.key}
                        // Uncontrolled: after each submission React resets the form to these defaults, which follow the choice.
                        defaultChecked={selected?.key === option.key}
                        onChange={() => setChosen(option.key)}
                        className="mt-1 size-5 shrink-0"
                      />
                      <span className="min-w-0">
                        <span className="block text-sm font-semibold text-zinc-900">{option.name}</span>
                        <span className="block text-xs text-zinc-600">{option.description}</span>
                        <span className="mt-1 block text-xs text-zinc-600">{option.summary}</span>
                      </span>
                    </label>
                    <noscript>
                      <a href={`?template=${option.key}#template-preview`} className="mb-3 ml-11 inline-block text-xs font-medium text-brand-700 underline">
                        {t('previewLink', { template: inSentence(option.name) })}
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
                label={t('seats')}
                hint={
                  selected
                    ? t('seatsHint', {
                        body: inSentence(selected.primaryBodyName),
                        seats: selected.primarySeats,
                        min: selected.minimumSeats,
                        max: selected.maximumSeats,
                      })
                    : t('seatsHintNone')
                }
                {...fieldState(state, 'primarySeats')}
              />
              <Field
                id="org-vacancy-days"
                label={t('vacancy')}
                hint={
                  selected
                    ? t('vacancyHint', { days: selected.vacancyDeadlineDays, body: inSentence(selected.primaryBodyName), min: 7, max: 365 })
                    : t('vacancyHintNone', { min: 7, max: 365 })
                }
                {...fieldState(state, 'vacancyDeadlineDays')}
              />
            </div>
            {selected ? (
              <section id="template-preview" aria-labelledby="template-preview-title" className="-mx-2 rounded-xl bg-zinc-50 p-3 sm:mx-0 sm:p-4">
                <h2 id="template-preview-title" className="text-base font-semibold text-zinc-900">
                  {preview?.seatsApplied
                    ? t('previewTitleSeats', {
                        template: inSentence(selected.name),
                        seats: preview.charter.bodies[0]!.charterSeats,
                        body: inSentence(selected.primaryBodyName),
                      })
                    : t('previewTitle', { template: inSentence(selected.name) })}
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
