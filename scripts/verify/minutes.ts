// `npm run verify` checks the minutes of meetings against their seals: an open meeting's sealed
// text hashes to the SHA-256 its seal records, and a closed session's disclosed text hashes to the
// SHA-256 sealed before anyone outside the body could read it. A disclosure with no seal before it,
// or two disclosures of one meeting, is a problem too.

import { createHash } from 'node:crypto';
import type { VerifyProblem } from '@/lib/log/verify';

type Entry = { seq: number | null; kind: string; subject: string; payload: Record<string, unknown> };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function asEntry(raw: unknown): Entry | null {
  if (!isRecord(raw) || typeof raw.kind !== 'string' || typeof raw.subject !== 'string' || !isRecord(raw.payload)) return null;
  return { seq: typeof raw.seq === 'number' ? raw.seq : null, kind: raw.kind, subject: raw.subject, payload: raw.payload };
}

/** Problems with sealed and disclosed minutes, in log order, and how many texts were checked; never throws on bad data. */
export function checkMinutes(entries: readonly unknown[]): { problems: VerifyProblem[]; checked: number } {
  const problems: VerifyProblem[] = [];
  const sealed = new Map<string, { hash: unknown; closed: boolean; disclosed: boolean }>();
  let checked = 0;
  for (const raw of entries) {
    const e = asEntry(raw);
    if (!e || (e.kind !== 'minutes.sealed' && e.kind !== 'minutes.disclosed')) continue;
    const problem = (message: string) => problems.push({ seq: e.seq, kind: 'minutes_mismatch', message: `${e.subject}: ${message}` });
    const text = e.payload.text;
    if (e.kind === 'minutes.sealed') {
      if (sealed.has(e.subject)) problem('minutes sealed twice');
      const closed = e.payload.closedSession === true;
      sealed.set(e.subject, { hash: e.payload.textSha256, closed, disclosed: false });
      if (closed && text !== undefined) problem('a closed session’s seal carries its text');
      if (!closed) {
        if (typeof text !== 'string') problem('the sealed minutes carry no text');
        else if (sha256(text) !== e.payload.textSha256) problem('the sealed text does not match its SHA-256');
        else checked++;
      }
      continue;
    }
    const seal = sealed.get(e.subject);
    if (!seal || !seal.closed) {
      problem('minutes disclosed that were never sealed as a closed session');
      continue;
    }
    if (seal.disclosed) problem('minutes disclosed twice');
    seal.disclosed = true;
    if (typeof text !== 'string') problem('the disclosure carries no text');
    else if (sha256(text) !== seal.hash) problem('the disclosed text does not match the SHA-256 sealed before it');
    else checked++;
  }
  return { problems, checked };
}
