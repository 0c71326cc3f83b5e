'use client';

import { useActionState, useEffect, useRef, useState } from 'react';
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
export type VacantSeatOption = Option & { seatClass: string; classLabel: string; declaration: string | null; bodyName: string; bodyHolderIds: string[] };

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
  useEffect(() => {
    if (typeRef.current) typeRef.current.value = typeKey;
    if (seatRef.current) seatRef.current.value = seatId;
  }, [state, typeKey, seatId]);
  const err = (k: string) => state.fieldErrors?.[k];

  return (
    <form action={formAction} className="space-y-5" noValidate>
      <input type="hidden" name="orgId" value={orgId} />
      <HintedSelect
        id="p-type"
        name="typeKey"
        label="Type"
        options={types.map((t) => ({ value: t.key, label: t.name }))}
        value={typeKey}
        onChange={setTypeKey}
        selectRef={typeRef}
        hint={type?.summary}
      />
      <Field id="p-title" name="title" label="Title" required maxLength={160} defaultValue={state.values?.title} errors={err('title')} />
      <LabelledField id="p-body" label="Proposal text" required errors={err('body')} hint="Markdown. Say what is decided, why, and what it changes.">
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
          id="p-subject"
          name="subjectUserId"
          label="Subject (the person concerned)"
          options={type.effect === 'seat_removal' ? heldSeats.map((s) => ({ value: s.holderId, label: s.label })) : members}
          defaultValue={state.values?.subjectUserId}
          errors={err('subjectUserId')}
          hint="They are notified and get a guaranteed reply before any vote."
        />
      ) : null}

      {type?.effect === 'seat_removal' ? (
        <SelectField id="p-seat" name="seatId" label="Seat" options={heldSeats} defaultValue={state.values?.seatId} errors={err('seatId')} />
      ) : null}

      {type?.effect === 'membership_weight' ? (
        <Field
          key={`weight-${type.key}`}
          id="p-weight"
          name="newWeight"
          label="New weight (votes or shares)"
          required
          maxLength={13}
          defaultValue={state.values?.newWeight}
          errors={err('newWeight')}
          hint={`The subject’s weight if this proposal passes: a whole number from 0 to ${MAX_MEMBERSHIP_WEIGHT.toLocaleString('en-US')}. Every member’s weight is 1 until a proposal like this one changes it.`}
        />
      ) : null}

      {type?.effect === 'seat_appointment' ? (
        <div className="space-y-4">
          <div className="grid gap-4 sm:grid-cols-2">
            <HintedSelect
              id="p-vacant"
              name="seatId"
              label="Vacant seat"
              options={vacantSeats}
              value={seatId}
              onChange={setSeatId}
              selectRef={seatRef}
              hint={
                seat
                  ? seat.declaration
                    ? `Reserved for: ${seat.classLabel}. The appointee must declare that they qualify, on the proposal page, before voting can open.`
                    : 'A general seat: any member who holds no other seat of this body.'
                  : 'No seat is vacant.'
              }
              errors={err('seatId')}
            />
            <SelectField
              id="p-appointee"
              name="appointeeUserId"
              label="Appointee"
              options={members.map((m) =>
                seat?.bodyHolderIds.includes(m.value) ? { ...m, label: `${m.label} (already holds a seat of the ${seat.bodyName.toLowerCase()})` } : m,
              )}
              defaultValue={state.values?.appointeeUserId}
              errors={err('appointeeUserId')}
              hint="One person holds one seat per body."
            />
          </div>
          {seat?.declaration ? (
            <Field
              key={seat.value}
              id="p-declaration"
              name="declaration"
              label="The appointee’s declaration"
              multiline
              maxLength={2000}
              defaultValue={state.values?.declaration ?? seat.declaration}
              errors={err('declaration')}
              hint="The appointee makes this declaration in their own name on the proposal page; it is recorded in the public log."
            />
          ) : null}
        </div>
      ) : null}

      {type?.effect === 'seat_election' ? (
        <SelectField
          key={`election-${type.key}`}
          id="p-election"
          name="electionSeats"
          label="Seats to elect"
          options={type.electionTargets}
          defaultValue={state.values?.electionSeats ?? type.electionTargets[0]?.value}
          errors={err('electionSeats')}
          hint={
            type.electionTargets.length === 0
              ? 'No seat this type may fill is vacant now.'
              : 'The vacant seats of this class when voting opens are elected together. Members nominate candidates during the comment window; a nominee must accept on the proposal page.'
          }
        />
      ) : null}

      {type?.method ? (
        <Field
          key={`options-${type.key}`}
          id="p-options"
          name="options"
          label="Options, one per line"
          multiline
          maxLength={10_000}
          defaultValue={state.values?.options}
          errors={err('options')}
          hint={`Between 2 and 30 options, each at most 200 characters. ${type.method.winners === 1 ? 'One option is chosen' : `${type.method.winners} options are chosen`} (${type.method.name}). The options are fixed once you save the draft: to change them, start a new draft.`}
        />
      ) : null}

      {type?.effect === 'charter_amendment' ? (
        <CharterEditor current={currentCharter} submitted={state.values} errors={state.fieldErrors ?? {}} currentCharterJson={currentCharterJson} />
      ) : null}

      {type && !type.emergencyAllowed && ratifiable.length > 0 ? (
        <SelectField
          id="p-ratifies"
          name="ratifiesProposalId"
          label="Ratifies an emergency decision (optional)"
          options={ratifiable}
          defaultValue={state.values?.ratifiesProposalId ?? ratifies}
          errors={err('ratifiesProposalId')}
          hint="If this proposal passes before the decision’s deadline, the emergency decision stands; if not, it lapses."
        />
      ) : null}

      {type && !type.emergencyAllowed && heldMotions.length > 0 ? (
        <SelectField
          id="p-ratifies-motion"
          name="ratifiesRollCallId"
          label="Ratifies a motion held from an irregular meeting (optional)"
          options={heldMotions}
          defaultValue={state.values?.ratifiesRollCallId ?? ratifiesMotion}
          errors={err('ratifiesRollCallId')}
          hint="If this proposal passes, the motion is ratified and in effect; until then it stays held."
        />
      ) : null}

      {type?.emergencyAllowed ? (
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="emergency" defaultChecked={state.values?.emergency === 'on'} className="mt-1" />
          <span>
            Emergency procedure: a shortened comment window, only with a supermajority motion of the deciding body, and the decision lapses unless ratified in
            time.
          </span>
        </label>
      ) : null}

      <FormMessage state={state} />
      <SubmitButton pendingLabel="Saving draft…">Save draft</SubmitButton>
    </form>
  );
}
