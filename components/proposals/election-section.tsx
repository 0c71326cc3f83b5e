import { answerNominationAction, nominateCandidateAction } from '@/app/o/[slug]/proposals/actions';
import { ActionForm } from '@/components/ui/action-form';
import { LabelledSection } from '@/components/ui/labelled-section';
import { SelectField } from '@/components/ui/select-field';
import type { Option } from '@/components/ui/select-field';
import type { NominationStatus } from '@/lib/governance/election';

export type NominationLine = { id: string; nomineeName: string; nominatorName: string; self: boolean; status: NominationStatus };

type Props = {
  ids: { orgId: string; proposalId: string };
  /** "3 vacant general seats of the Board" as the draft named them, or as frozen when voting opened. */
  seatsLabel: string;
  ruleName: string;
  /** While the comment window runs: when nominations close. Null once closed (or before publication). */
  openUntil: string | null;
  nominations: NominationLine[];
  /** Members the viewer may nominate (empty: the viewer may not nominate now). */
  nominees: Option[];
  /** The viewer's own open nomination: answer it (accept / decline) or withdraw an acceptance. */
  mine: 'nominated' | 'accepted' | null;
  /** A class seat: the declaration a nominee makes by accepting. */
  declaration: { classLabel: string; text: string } | null;
  /** Once voting opened: the candidates on the ballot, in ballot order. */
  candidates: string[] | null;
  /** An election decided without a vote: the plain sentence from the log. */
  unopposed: string | null;
  /** Once seated: who holds each seat of the election now. */
  seated: { position: number; holder: string | null }[] | null;
};

const statusWords: Record<NominationStatus, string> = {
  nominated: 'nominated, has not answered',
  accepted: 'candidate (accepted)',
  declined: 'declined',
  withdrawn: 'withdrew',
};

/** A seat election: the seats, the nominations and their answers, the forms to nominate and to answer, the frozen ballot and who was seated. */
export function ElectionSection(p: Props) {
  const accepted = p.nominations.filter((n) => n.status === 'accepted').length;
  return (
    <LabelledSection
      id="election"
      title="Election"
      className="rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm"
      headingClassName="mb-3 text-lg font-semibold"
    >
      <p className="text-sm">
        Elects to {p.seatsLabel}, counted by {p.ruleName}. Nominations are open during the comment window; a nominee becomes a candidate only by accepting. With
        no more candidates than seats, the candidates are elected unopposed, without a vote, and the other seats stay vacant.
      </p>
      {p.declaration ? (
        <div className="mt-3 text-sm">
          <p className="font-medium">Reserved for: {p.declaration.classLabel}. Each candidate declares, in their own name:</p>
          <blockquote className="mt-1 border-l-4 border-zinc-300 pl-3 text-zinc-700">{p.declaration.text}</blockquote>
        </div>
      ) : null}

      <h3 className="mt-4 text-sm font-semibold">
        Nominations{' '}
        <span className="font-normal text-zinc-600">
          ({p.nominations.length} made, {accepted} accepted{p.openUntil ? `; open until ${p.openUntil}` : '; closed'})
        </span>
      </h3>
      {p.nominations.length === 0 ? (
        <p className="mt-1 text-sm text-zinc-600">Nobody has been nominated yet.</p>
      ) : (
        <ul className="mt-1 space-y-1 text-sm">
          {p.nominations.map((n) => (
            <li key={n.id} className="break-words">
              <span className="font-medium">{n.nomineeName}</span> — {statusWords[n.status]}
              <span className="text-xs text-zinc-600"> · {n.self ? 'stood themselves' : `nominated by ${n.nominatorName}`}</span>
            </li>
          ))}
        </ul>
      )}

      {p.mine === 'nominated' ? (
        <div className="mt-4 grid gap-3 border-t border-zinc-100 pt-4 sm:grid-cols-2">
          <ActionForm
            action={answerNominationAction}
            hidden={{ ...p.ids, answer: 'accept' }}
            submitLabel="Accept: I stand as a candidate"
            label="Accept your nomination"
          >
            {p.declaration ? (
              <label className="flex items-start gap-2 text-sm">
                <input type="checkbox" name="declarationConfirmed" value="yes" className="mt-1" />
                <span>I make the declaration above, in my own name; it is recorded in the public log.</span>
              </label>
            ) : null}
          </ActionForm>
          <AnswerForm ids={p.ids} answer="decline" submitLabel="Decline" label="Decline your nomination" />
        </div>
      ) : null}
      {p.mine === 'accepted' ? (
        <div className="mt-4 border-t border-zinc-100 pt-4">
          <p className="mb-2 text-sm">You are a candidate. You can withdraw until nominations close.</p>
          <AnswerForm ids={p.ids} answer="withdraw" submitLabel="Withdraw my candidacy" label="Withdraw your candidacy" />
        </div>
      ) : null}
      {p.nominees.length > 0 ? (
        <div className="mt-4 border-t border-zinc-100 pt-4">
          <ActionForm action={nominateCandidateAction} hidden={p.ids} submitLabel="Nominate" variant="secondary" label="Nominate a candidate">
            <SelectField
              id="nominee"
              name="nomineeUserId"
              label="Nominate a member (or yourself)"
              options={p.nominees}
              hint="They are told by e-mail and must accept before nominations close. Members who already sit on this body cannot stand."
            />
          </ActionForm>
        </div>
      ) : null}

      {p.unopposed ? <p className="mt-4 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">{p.unopposed}</p> : null}
      {p.candidates && !p.unopposed ? (
        <p className="mt-4 text-sm">
          <span className="font-medium">On the ballot</span> (frozen when voting opened, in alphabetical order): {p.candidates.join(', ')}.
        </p>
      ) : null}
      {p.seated ? (
        <>
          <h3 className="mt-4 text-sm font-semibold">The seats now</h3>
          <ul className="mt-1 space-y-1 text-sm">
            {p.seated.map((s) => (
              <li key={s.position}>
                Seat {s.position}: {s.holder ?? 'vacant'}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </LabelledSection>
  );
}

/** The nominee's one-button answer (decline, withdraw). */
function AnswerForm({ ids, answer, submitLabel, label }: { ids: Props['ids']; answer: 'decline' | 'withdraw'; submitLabel: string; label: string }) {
  return <ActionForm action={answerNominationAction} hidden={{ ...ids, answer }} submitLabel={submitLabel} variant="secondary" label={label} />;
}
