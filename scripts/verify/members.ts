// `npm run verify` recounts every closed member-wide vote from the export: the roll its close
// published must be the one whose hash was logged when voting opened, and counting the roll's
// weights through its delegations (lib/governance/delegation.ts) with the disclosed ballots must
// give the logged tally. A secret member-wide vote discloses no choices with voters: there the
// roll and the number of ballots are checked, and the anonymous ballots are recounted by ./recount.

import { createHash } from 'node:crypto';
import { rollText, ROLL_HASH_SCHEME } from '@/lib/governance/electorate';
import { weighBallots } from '@/lib/governance/member-vote';
import type { RollEntry } from '@/lib/governance/types';
import type { VerifyProblem } from '@/lib/log/verify';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export type MemberRecount = { recounted: number; problems: VerifyProblem[] };

/** Never throws on bad data. */
export function recountMemberVotes(entries: readonly unknown[]): MemberRecount {
  const problems: VerifyProblem[] = [];
  const openedHash = new Map<string, unknown>();
  let recounted = 0;
  for (const raw of entries) {
    if (!isRecord(raw) || !isRecord(raw.payload) || typeof raw.subject !== 'string') continue;
    const { payload, subject } = raw;
    const seq = typeof raw.seq === 'number' ? raw.seq : null;
    const stage = `${subject}|${String(payload.stageIndex)}`;
    if (raw.kind === 'voting.opened' && isRecord(payload.roll)) openedHash.set(stage, payload.roll.hash);
    if (raw.kind !== 'voting.closed' || !isRecord(payload.members)) continue;
    const problem = (message: string) => problems.push({ seq, kind: 'roll_mismatch', message: `${subject} stage ${String(payload.stageIndex)}: ${message}` });
    const m = payload.members;
    const roll = parseRoll(m.roll);
    if (!roll) {
      problem('the close does not publish its roll as [userId, weight, delegate] lines');
      continue;
    }
    if (m.hashScheme !== ROLL_HASH_SCHEME) problem(`unknown roll hash scheme ${JSON.stringify(m.hashScheme)}`);
    const hash = createHash('sha256').update(rollText(roll)).digest('hex');
    if (hash !== m.rollHash) problem(`the published roll hashes to ${hash}, the close says ${String(m.rollHash)}`);
    if (!openedHash.has(stage)) problem('no voting.opened entry logged the roll’s hash before the close');
    else if (openedHash.get(stage) !== hash)
      problem(`the published roll is not the one snapshotted when voting opened (hash ${String(openedHash.get(stage))})`);
    const tally = isRecord(payload.tally) ? payload.tally : {};
    const maxDepth = m.maxDepth === null || (Number.isSafeInteger(m.maxDepth) && (m.maxDepth as number) >= 0) ? (m.maxDepth as number | null) : 0;
    const rollCall = Array.isArray(payload.rollCall) ? payload.rollCall.filter(isRecord) : [];
    const onRoll = new Set(roll.map((e) => e.userId));
    for (const b of rollCall)
      if (typeof b.voterUserId !== 'string' || !onRoll.has(b.voterUserId))
        problem(`a ballot of ${String(b.voterUserId)}, who is not on the roll, is in the roll call`);
    const secret = rollCall.some((b) => b.choice === 'secret');
    const current = new Map(
      rollCall.flatMap((b) => (typeof b.voterUserId === 'string' ? [[b.voterUserId, { voterUserId: b.voterUserId, choice: String(b.choice) }] as const] : [])),
    );
    const { weighed, facts } = weighBallots(roll, current, maxDepth);
    const same = (what: string, logged: unknown, again: number) => {
      if (logged !== again) problem(`the recount gives ${again} ${what}, the log says ${String(logged)}`);
    };
    const loggedFacts = isRecord(tally.members) ? tally.members : {};
    for (const k of Object.keys(facts) as (keyof typeof facts)[]) same(k, loggedFacts[k], facts[k]);
    same('as the roll’s weight (the base of quorum)', tally.charterSeats, facts.rollWeight);
    if (!secret) {
      const sums = { yes: 0, no: 0, abstain: 0 };
      for (const { ballot, weight } of weighed)
        if (ballot.choice === 'yes' || ballot.choice === 'no' || ballot.choice === 'abstain') sums[ballot.choice] += weight;
      same('yes', tally.yes, sums.yes);
      same('no', tally.no, sums.no);
      same('abstain', tally.abstain, sums.abstain);
      same('cast', tally.cast, sums.yes + sums.no + sums.abstain);
    } else {
      same(
        'cast',
        tally.cast,
        weighed.reduce((s, w) => s + w.weight, 0),
      );
    }
    if (
      typeof tally.quorumRequired === 'number' &&
      typeof tally.cast === 'number' &&
      tally.quorumMet !== (tally.cast >= tally.quorumRequired && tally.cast > 0)
    ) {
      problem('the tally’s quorum does not follow from its own figures');
    }
    recounted++;
  }
  return { recounted, problems };
}

function parseRoll(value: unknown): RollEntry[] | null {
  if (!Array.isArray(value)) return null;
  const roll: RollEntry[] = [];
  for (const line of value) {
    if (!Array.isArray(line) || line.length !== 3) return null;
    const [userId, weight, delegate] = line as unknown[];
    if (typeof userId !== 'string' || !Number.isSafeInteger(weight) || (weight as number) < 0 || (delegate !== null && typeof delegate !== 'string'))
      return null;
    roll.push({ userId, weight: weight as number, delegateUserId: delegate as string | null });
  }
  return roll;
}
