'use client';

import { useActionState, useEffect, useRef, useState } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { createProposalAction } from '@/app/o/[slug]/proposals/actions';
import { CharterEditor } from '@/components/proposals/charter-editor';
import { HintedSelect } from '@/components/forms/hinted-select';
import { Field } from '@/components/ui/field';
import { LabelledField } from '@/components/ui/labelled-field';
import { MarkdownField } from '@/components/proposals/markdown-preview';
import { SelectField } from '@/components/ui/select-field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { initialActionState } from '@/lib/actions/state';
import type { Charter } from '@/lib/governance/types';
import { MAX_MEMBERSHIP_WEIGHT } from '@/lib/governance/weights';
import { bodyInSentence } from '@/lib/i18n/words';

export type TypeOption = {
  key: string;
  name: string;
  effect: string;
  requiresSubject: boolean;
  emergencyAllowed: boolean;
  /** A choice among options: the method's name and how many options win (null: decided yes or no). */
  method: { name: string; winners: number } | null;
  /** A seat election: the seats it can fill now, one entry per body and seat class ("board:general"). */
  electionTargets: Option[];
  summary: string;
};
export type Option = { value: string; label: string };
/** A vacant seat: its class ('general' or a class with a requirement), the declaration its appointee makes, and who already sits in its body. */
export type VacantSeatOption = Option & {
  seatClass: string;
  classLabel: string;
  /** The declaration's recorded words (the rules' English, `defaultDeclaration`): the field's default. */
  declaration: string | null;
  /** Outside English: the declaration in the reader's language, as guidance beside the field (never submitted). */
  declarationGuidance?: string | null;
  bodyName: string;
  bodyHolderIds: string[];
};

export function NewProposalForm({
  orgId,
  types,
  members,
  vacantSeats,
  heldSeats,
  currentCharter,
  currentCharterJson,
  ratifiable = [],
  ratifies,
  heldMotions = [],
  ratifiesMotion,
}: {
  orgId: string;
  types: TypeOption[];
  members: Option[];
  vacantSeats: VacantSeatOption[];
  heldSeats: (Option & { holderId: string })[];
  /** The charter in force, which an amendment starts from. */
  currentCharter: Charter;
  currentCharterJson: string;
  /** Passed, unlapsed, unratified emergency decisions a normal proposal may ratify. */
  ratifiable?: Option[];
  /** Preselected from the emergency decision's "Start the ratification" link. */
  ratifies?: string;
  /** Motions carried at an irregular meeting, held until a normal proposal ratifies them. */
  heldMotions?: Option[];
  /** Preselected from the held motion's "Propose its ratification" link. */
  ratifiesMotion?: string;
}) {
  const [state, formAction] = useActionState(createProposalAction, initialActionState);
  // Ratification is by a normal proposal: coming from an emergency decision, start on a type without an emergency procedure.
  const firstNormal = types.find((t) => !t.emergencyAllowed)?.key;
  const [typeKey, setTypeKey] = useState(state.values?.typeKey ?? ((ratifies || ratifiesMotion) && firstNormal ? firstNormal : (types[0]?.key ?? '')));
  const type = types.find((t) => t.key === typeKey);
  const [seatId, setSeatId] = useState(state.values?.seatId ?? vacantSeats[0]?.value ?? '');
  const seat = vacantSeats.find((v) => v.value === seatId);
  // React resets a form once its action returns; a controlled select then shows (and would
  // submit) its first option while its state still holds the choice — a refused appointment
  // came back as a "Board resolution". Put the chosen values back after every answer.
  const typeRef = useRef<HTMLSelectElement>(null);
  const seatRef = useRef<HTMLSelectElement>(null);
  // A choice made before the page hydrated (a slow phone, a slow network) is in the select but not in the state, and the
  // effect below would put the default back over it: take it from the select once, when the form comes to life.
  useEffect(() => {
    const chosenType = typeRef.current?.value;
    if (chosenType && chosenType !== typeKey && types.some((t) => t.key === chosenType)) setTypeKey(chosenType);
    const chosenSeat = seatRef.current?.value;
    if (chosenSeat && chosenSeat !== seatId && vacantSeats.some((v) => v.value === chosenSeat)) setSeatId(chosenSeat);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, at hydration: later changes go through onChange
  }, []);
  useEffect(() => {
    if (typeRef.current) typeRef.current.value = typeKey;
    if (seatRef.current) seatRef.current.value = seatId;
  }, [state, typeKey, seatId]);
  const err = (k: string) => state.fieldErrors?.[k];
  const t = useTranslations('newProposal');
  const locale = useLocale();

  return (
    <form action={formAction} className="space-y-5" noValidate>
      <input type="hidden" name="orgId" value={orgId} />
      <HintedSelect
        id="p-type"
        name="typeKey"
        label={t('type')}
        options={types.map((t) => ({ value: t.key, label: t.name }))}
        value={typeKey}
        onChange={setTypeKey}
        selectRef={typeRef}
        hint={type?.summary}
      />
      <Field id="p-title" name="title" label={t('titleField')} required maxLength={160} defaultValue={state.values?.title} errors={err('title')} />
      <LabelledField id="p-body" label={t('text')} required errors={err('body')} hint={t('textHint')}>
        {({ invalid, describedBy, border }) => (
          <MarkdownField
            id="p-body"
            name="body"
            rows={8}
            maxLength={50000}
            required
            invalid={invalid}
            describedBy={describedBy}
            defaultValue={state.values?.body}
            className={`mt-1 block w-full rounded-lg border px-3 py-2 text-sm shadow-sm focus:border-brand-600 ${border}`}
          />
        )}
      </LabelledField>

      {type?.requiresSubject ? (
        <SelectField
          prompt={t('choose')}
          id="p-subject"
          name="subjectUserId"
          label={t('subject')}
          options={type.effect === 'seat_removal' ? heldSeats.map((s) => ({ value: s.holderId, label: s.label })) : members}
          defaultValue={state.values?.subjectUserId}
          errors={err('subjectUserId')}
          hint={t('subjectHint')}
        />
      ) : null}

      {type?.effect === 'seat_removal' ? (
        <SelectField
          prompt={t('choose')}
          id="p-seat"
          name="seatId"
          label={t('seat')}
          options={heldSeats}
          defaultValue={state.values?.seatId}
          errors={err('seatId')}
        />
      ) : null}

      {type?.effect === 'membership_weight' ? (
        <Field
          key={`weight-${type.key}`}
          id="p-weight"
          name="newWeight"
          label={t('newWeight')}
          required
          maxLength={13}
          defaultValue={state.values?.newWeight}
          errors={err('newWeight')}
          hint={t('newWeightHint', { max: MAX_MEMBERSHIP_WEIGHT })}
        />
      ) : null}

      {type?.effect === 'seat_appointment' ? (
        <div className="space-y-4">
          <div className="grid gap-4 sm:grid-cols-2">
            <HintedSelect
              id="p-vacant"
              name="seatId"
              label={t('vacantSeat')}
              options={vacantSeats}
              value={seatId}
              onChange={setSeatId}
              selectRef={seatRef}
              hint={seat ? (seat.declaration ? t('vacantReserved', { seatClass: seat.classLabel }) : t('vacantGeneral')) : t('noVacantSeat')}
              errors={err('seatId')}
            />
            <SelectField
              prompt={t('choose')}
              id="p-appointee"
              name="appointeeUserId"
              label={t('appointee')}
              options={members.map((m) =>
                seat?.bodyHolderIds.includes(m.value) ? { ...m, label: t('alreadyHolds', { name: m.label, body: bodyInSentence(seat.bodyName, locale) }) } : m,
              )}
              defaultValue={state.values?.appointeeUserId}
              errors={err('appointeeUserId')}
              hint={t('appointeeHint')}
            />
          </div>
          {seat?.declaration ? (
            <Field
              key={seat.value}
              id="p-declaration"
              name="declaration"
              label={t('declaration')}
              multiline
              maxLength={2000}
              defaultValue={state.values?.declaration ?? seat.declaration}
              errors={err('declaration')}
              hint={t('declarationHint')}
            />
          ) : null}
          {seat?.declaration && seat.declarationGuidance ? <p className="text-sm text-zinc-600">{seat.declarationGuidance}</p> : null}
        </div>
      ) : null}

      {type?.effect === 'seat_election' ? (
        <SelectField
          prompt={t('choose')}
          key={`election-${type.key}`}
          id="p-election"
          name="electionSeats"
          label={t('electionSeats')}
          options={type.electionTargets}
          defaultValue={state.values?.electionSeats ?? type.electionTargets[0]?.value}
          errors={err('electionSeats')}
          hint={type.electionTargets.length === 0 ? t('electionNone') : t('electionHint')}
        />
      ) : null}

      {type?.method ? (
        <Field
          key={`options-${type.key}`}
          id="p-options"
          name="options"
          label={t('options')}
          multiline
          maxLength={10_000}
          defaultValue={state.values?.options}
          errors={err('options')}
          hint={t('optionsHint', { winners: type.method.winners, method: type.method.name })}
        />
      ) : null}

      {type?.effect === 'charter_amendment' ? (
        <CharterEditor current={currentCharter} submitted={state.values} errors={state.fieldErrors ?? {}} currentCharterJson={currentCharterJson} />
      ) : null}

      {type && !type.emergencyAllowed && ratifiable.length > 0 ? (
        <SelectField
          prompt={t('choose')}
          id="p-ratifies"
          name="ratifiesProposalId"
          label={t('ratifies')}
          options={ratifiable}
          defaultValue={state.values?.ratifiesProposalId ?? ratifies}
          errors={err('ratifiesProposalId')}
          hint={t('ratifiesHint')}
        />
      ) : null}

      {type && !type.emergencyAllowed && heldMotions.length > 0 ? (
        <SelectField
          prompt={t('choose')}
          id="p-ratifies-motion"
          name="ratifiesRollCallId"
          label={t('ratifiesMotion')}
          options={heldMotions}
          defaultValue={state.values?.ratifiesRollCallId ?? ratifiesMotion}
          errors={err('ratifiesRollCallId')}
          hint={t('ratifiesMotionHint')}
        />
      ) : null}

      {type?.emergencyAllowed ? (
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="emergency" defaultChecked={state.values?.emergency === 'on'} className="mt-1" />
          <span>{t('emergency')}</span>
        </label>
      ) : null}

      <FormMessage state={state} besideFieldText={t('seeField')} />
      <SubmitButton pendingLabel={t('saving')}>{t('save')}</SubmitButton>
    </form>
  );
}
