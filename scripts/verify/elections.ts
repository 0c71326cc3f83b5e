// `npm run verify` checks every seat a seat election filled against the public record: the seat is
// one the election froze, its holder is someone it elected (the recounted count's winners, or the
// candidates elected unopposed), no more seats than the election had, and only after it passed.

import type { VerifyProblem } from '@/lib/log/verify';

type Entry = { seq: number | null; kind: string; subject: string; payload: Record<string, unknown> };
type Election = { fix?: Entry; elected?: number[]; passedAt?: number; filled: number };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function asEntry(raw: unknown): Entry | null {
  if (!isRecord(raw) || typeof raw.kind !== 'string' || typeof raw.subject !== 'string' || !isRecord(raw.payload)) return null;
  return { seq: typeof raw.seq === 'number' ? raw.seq : null, kind: raw.kind, subject: raw.subject, payload: raw.payload };
}

/** Problems with the seats elections filled, in log order; never throws on bad data. */
export function checkElectionSeats(entries: readonly unknown[]): VerifyProblem[] {
  const problems: VerifyProblem[] = [];
  const bySubject = new Map<string, Election>();
  const subjectOf = new Map<number, string>();
  const of = (subject: string) => bySubject.get(subject) ?? bySubject.set(subject, { filled: 0 }).get(subject)!;
  for (const raw of entries) {
    const e = asEntry(raw);
    if (!e) continue;
    if (e.subject.startsWith('proposal:') && e.kind === 'proposal.published' && typeof e.payload.number === 'number')
      subjectOf.set(e.payload.number, e.subject);
    if (e.kind === 'election.candidates_frozen' || e.kind === 'election.unopposed') of(e.subject).fix = e;
    if (e.kind === 'voting.closed' && bySubject.get(e.subject)?.fix) {
      const tally = e.payload.tally;
      const elected =
        isRecord(tally) && isRecord(tally.choice) && isRecord(tally.choice.count) && isRecord(tally.choice.count.result)
          ? tally.choice.count.result.elected
          : undefined;
      of(e.subject).elected = Array.isArray(elected) ? elected.filter((i): i is number => Number.isInteger(i)) : [];
    }
    if (e.kind === 'proposal.decided' && e.payload.outcome === 'passed' && bySubject.get(e.subject)?.fix) of(e.subject).passedAt = e.seq ?? 0;
    if (e.kind !== 'seat.filled' || e.payload.elected !== true) continue;
    const problem = (message: string) => problems.push({ seq: e.seq, kind: 'election_mismatch', message: `${e.subject}: ${message}` });
    const number = e.payload.proposalNumber;
    const subject = typeof number === 'number' ? subjectOf.get(number) : undefined;
    const election = subject ? bySubject.get(subject) : undefined;
    const fix = election?.fix;
    if (!election || !fix) {
      problem(`filled as elected by proposal #${String(number)}, which froze no candidates`);
      continue;
    }
    const candidates = Array.isArray(fix.payload.candidates) ? fix.payload.candidates.map((c) => (isRecord(c) ? c.userId : undefined)) : [];
    const seatIds = Array.isArray(fix.payload.seatIds) ? fix.payload.seatIds : [];
    const won = fix.kind === 'election.unopposed' ? candidates : (election.elected ?? []).map((i) => candidates[i]);
    if (election.passedAt === undefined) problem(`filled before proposal #${String(number)} passed`);
    if (!won.includes(e.payload.holderId)) problem(`its holder was not elected by proposal #${String(number)}`);
    if (!seatIds.includes(e.subject.slice('seat:'.length))) problem(`not one of the seats proposal #${String(number)} elected to`);
    if (++election.filled > seatIds.length) problem(`proposal #${String(number)} filled more seats than it elected to (${seatIds.length})`);
  }
  return problems;
}
