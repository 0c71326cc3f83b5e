import { seatClassMinimumsText } from '@/lib/governance/charter';
import { minimumCount } from '@/lib/governance/tally';
import { formatHours } from '@/lib/governance/time';
import type { BodySpec, Charter, ProposalTypeSpec, Ratio, StageSpec } from '@/lib/governance/types';
import { vacancyFillingOf } from '@/lib/governance/vacancy';

/** 'more than half', 'at least 2/3'. */
function ratioWords(r: Ratio): string {
  if (r.num * 2 === r.den) return r.inclusive ? 'at least half' : 'more than half';
  return r.inclusive ? `at least ${r.num}/${r.den}` : `more than ${r.num}/${r.den}`;
}

function seatsWord(n: number): string {
  return n === 1 ? '1 seat' : `${n} seats`;
}

/** How many must take part, as a count of the body's seats: "2 of its 3 seats vote (yes, no or abstain)". */
function quorumText(stage: StageSpec, body: BodySpec): string {
  return `${minimumCount(body.charterSeats, stage.quorum)} of its ${seatsWord(body.charterSeats)} vote (yes, no or abstain)`;
}

/** What passes: "2 of the 3 seats vote yes" or "more than half of the yes and no votes are yes". */
function passText(stage: StageSpec, body: BodySpec): string {
  if (stage.thresholdBase === 'charter_seats') return `${minimumCount(body.charterSeats, stage.threshold)} of the ${seatsWord(body.charterSeats)} vote yes`;
  return `${ratioWords(stage.threshold)} of the yes and no votes are yes (abstentions do not count)`;
}

function fillingText(charter: Charter, body: BodySpec): string {
  const filling = vacancyFillingOf(charter, body);
  const other = charter.bodies.find((b) => b.key === filling.byBodyKey)?.name.toLowerCase();
  if (filling.byOwnBody && other) return `It fills its own empty seats; the ${other} fills them when nobody is left.`;
  if (filling.byOwnBody) return 'It fills its own empty seats.';
  return other ? `The ${other} fills its empty seats.` : '';
}

function BodyPreview({ charter, body }: { charter: Charter; body: BodySpec }) {
  const classes = seatClassMinimumsText(body.seatClassMinimums);
  return (
    <li className="rounded-lg border border-zinc-200 bg-white p-3">
      <p className="font-semibold text-zinc-900">
        {body.name}: {seatsWord(body.charterSeats)}
      </p>
      <p className="mt-1 text-sm text-zinc-700">
        {classes ? `Among them at least ${classes}. ` : ''}
        Critical decisions need at least {seatsWord(body.minSeatsForCriticalDecisions)} filled. A seat left empty for {body.vacancyDeadlineDays} days is flagged
        publicly. {fillingText(charter, body)}
      </p>
    </li>
  );
}

function TypePreview({ charter, type }: { charter: Charter; type: ProposalTypeSpec }) {
  const rows: [string, string][] = [['Discussion', `at least ${formatHours(type.minCommentWindowHours)}, before any vote`]];
  if (type.requiresSubject) rows.push(['Right of reply', `the person it names has ${formatHours(type.replyWindowHours)} to answer before the vote`]);
  if (type.answersRequired)
    rows.push(['Concerns answered', 'every concern or objection raised in the comment window gets the author’s public answer before the vote']);
  type.stages.forEach((stage, i) => {
    const body = charter.bodies.find((b) => b.key === stage.bodyKey);
    if (!body) return;
    const step = type.stages.length > 1 ? ` (step ${i + 1})` : '';
    rows.push([`Vote${step}`, `the ${body.name.toLowerCase()}, for ${formatHours(stage.votingWindowHours)}`]);
    rows.push([`Quorum${step}`, quorumText(stage, body)]);
    rows.push([`To pass${step}`, passText(stage, body)]);
  });
  const decider = charter.bodies.find((b) => b.key === type.stages[0]?.bodyKey);
  if (type.effect === 'seat_appointment' && decider && vacancyFillingOf(charter, decider).byRemainingMajority) {
    rows.push([
      'Or',
      `yes from more than half of the people holding a ${decider.name.toLowerCase()} seat when the vote opens, even when they are fewer than the quorum`,
    ]);
  }
  if (type.emergency) {
    const first = charter.bodies.find((b) => b.key === type.stages[0]?.bodyKey);
    const backers = first ? `${minimumCount(first.charterSeats, type.emergency.motionThreshold)} of the ${seatsWord(first.charterSeats)}` : 'a supermajority';
    rows.push([
      'Emergency',
      `if ${backers} back it, discussion may end after ${formatHours(type.emergency.minCommentWindowHours)}; the decision lapses unless ratified within ${type.emergency.ratifyWithinDays} days`,
    ]);
  }
  return (
    <li className="rounded-lg border border-zinc-200 bg-white p-3">
      <p className="font-semibold text-zinc-900">
        {type.name}
        {type.critical ? <span className="ml-2 rounded bg-red-50 px-1.5 py-0.5 text-xs font-semibold text-red-800">critical</span> : null}
      </p>
      <dl className="mt-2 grid grid-cols-1 gap-x-3 gap-y-1 text-sm sm:grid-cols-[8rem_1fr]">
        {rows.map(([term, text]) => (
          <div key={term} className="contents">
            <dt className="font-medium text-zinc-600">{term}</dt>
            <dd className="mb-1 text-zinc-800 sm:mb-0">{text}</dd>
          </div>
        ))}
      </dl>
    </li>
  );
}

/** A template's bodies and decision rules in plain words, with the counts a group of that size will meet. */
export function TemplatePreview({ name, charter, adjusted = false }: { name: string; charter: Charter; adjusted?: boolean }) {
  return (
    <div className="space-y-4">
      <div>
        <h3 className="text-sm font-semibold text-zinc-900">Who decides</h3>
        <ul className="mt-2 space-y-2">
          {charter.bodies.map((b) => (
            <BodyPreview key={b.key} charter={charter} body={b} />
          ))}
        </ul>
      </div>
      <div>
        <h3 className="text-sm font-semibold text-zinc-900">How each kind of decision is made</h3>
        <p className="mt-1 text-xs text-zinc-600">
          {adjusted
            ? `With the ${name.toLowerCase()} template’s rules and the number of seats you entered.`
            : `With the ${name.toLowerCase()} template’s own numbers.`}{' '}
          Seats are counted as the charter sets them, filled or not. Critical decisions cannot go to a vote while a body has fewer seats filled than it needs.
        </p>
        <ul className="mt-2 space-y-2">
          {charter.proposalTypes.map((t) => (
            <TypePreview key={t.key} charter={charter} type={t} />
          ))}
        </ul>
      </div>
    </div>
  );
}
