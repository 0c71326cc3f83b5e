import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { translatorFor } from '@/lib/i18n/catalogue';
import en from '@/messages/en.json';
import { ballotSummaryWords, logTextWordsFromCatalogue } from '@/lib/transparency/log-text';
import { loadLogExport } from '@/lib/transparency/log-export';
import { base64Encode } from './base64';
import { ed25519PublicKeyRaw, formatCheckpoint, signNote } from './checkpoint';
import { canonicalEntry, entryLeafHash, sealEntry } from './entry';
import type { LogEntry, StoredEntry } from './entry';
import { GENESIS_HASH } from './hash';
import { readHashedEntry } from './hashed-entry';
import { rootOf } from './merkle';
import { nodeSha256 } from './node-hash';
import { verifyLog } from './verify';
import { ballotSummaryText } from './verify-ballots';
import type { BallotCheckSummary } from './verify-ballots';
import { englishLogText, logText, logTextEnglish } from './words';
import type { LogText, LogTextCode } from './words';

// What does not verify, in three languages: the catalogue's English is the checks' English word for word, and French
// and German keep none of its words. The problems come from corrupting a small log, as ./verify.test.ts does.

const h = nodeSha256;
const ORIGIN = 'quorate.example/log/org_1';
const { privateKey } = generateKeyPairSync('ed25519');
const other = generateKeyPairSync('ed25519').privateKey;
const publicKeyRaw = ed25519PublicKeyRaw(privateKey);
const say = {
  en: logTextWordsFromCatalogue(translatorFor('en')),
  fr: logTextWordsFromCatalogue(translatorFor('fr')),
  de: logTextWordsFromCatalogue(translatorFor('de')),
};

const entryFor = (seq: number, kind = 'proposal.revised', payload: Record<string, unknown> = { n: seq }): LogEntry => ({
  orgId: 'org_1',
  seq,
  at: new Date(Date.UTC(2025, 0, 1, 0, 0, seq)).toISOString(),
  actorId: null,
  kind,
  subject: 'proposal_1',
  payload,
});
function chain(entries: LogEntry[]): StoredEntry[] {
  const out: StoredEntry[] = [];
  for (const e of entries) out.push(sealEntry(h, out.at(-1)?.hash ?? GENESIS_HASH, e));
  return out;
}
const entries = Array.from({ length: 6 }, (_, i) => entryFor(i + 1));
const log = chain(entries);
const checkpoint = (size: number, key = privateKey, origin = ORIGIN, of = entries) => ({
  note: signNote(
    formatCheckpoint({
      origin,
      size,
      rootHashB64: base64Encode(
        rootOf(
          h,
          of.slice(0, size).map((e) => entryLeafHash(h, e)),
        ),
      ),
    }),
    {
      name: origin,
      privateKey: key,
    },
  ),
});
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
const swap = <T>(xs: T[], i: number, j: number): T[] => {
  const out = [...xs];
  [out[i], out[j]] = [out[j]!, out[i]!];
  return out;
};

/** Broken logs, each with the problems the verifier finds in it. */
async function corruptedLogs(): Promise<{ message: string; text?: LogText }[]> {
  const edited = clone(log);
  (edited[2]!.payload as { n: number }).n = 99;
  const relinked = clone(log);
  relinked[0]!.prevHash = 'ab'.repeat(32);
  relinked[3]!.prevHash = 'cd'.repeat(32);
  const rewritten = chain(entries.map((e) => (e.seq === 2 ? { ...e, payload: { n: 0 } } : e)));
  const charter = chain([
    entryFor(1, 'charter.adopted', { version: 1, documentHash: 'aa' }),
    entryFor(2, 'proposal.decided', { number: 4, charterVersion: 1, charterDocumentHash: 'bb' }),
    entryFor(3, 'proposal.decided', { number: 5, charterVersion: 7, charterDocumentHash: 'aa' }),
    entryFor(4, 'proposal.decided', { charterVersion: 1 }),
  ]);
  const ballots = chain([
    entryFor(1, 'ballot.cast', { voteId: 'v1', stageIndex: 0, seatId: 's1', commitment: 'ab'.repeat(32), commitmentScheme: 'odd' }),
    entryFor(2, 'ballot.cast', { voteId: 'v1', stageIndex: 0, seatId: 's2', commitment: 'ab'.repeat(32) }),
    entryFor(3, 'ballot.cast', { voteId: 'v3', stageIndex: 0, seatId: 's3', secret: true }),
    entryFor(4, 'objection.raised', { stageIndex: 0, seatId: 's4', reason: 'no' }),
    entryFor(5, 'voting.closed', {
      stageIndex: 0,
      rollCall: [
        { voteId: 'v1', seatId: 's1', choice: 'yes' },
        { voteId: 'v9', seatId: 's9', choice: 'maybe' },
        { voteId: 'v3', seatId: 's3', choice: 'yes' },
        {},
      ],
      tally: { yes: 5, no: 0, abstain: 0, cast: 9, consent: { objections: 2 } },
      objections: [{ seatId: 's5', reason: 'x' }, { seatId: 's5', reason: 'x' }, {}],
    }),
    entryFor(6, 'ballot.cast', { voteId: 'v6', stageIndex: 0, seatId: 's6', commitment: 'ab'.repeat(32) }),
    entryFor(7, 'objection.withdrawn', { stageIndex: 0, seatId: 's4' }),
    entryFor(8, 'voting.closed', { stageIndex: 1, tally: {} }),
    entryFor(9, 'voting.closed', {}),
  ]);
  const reports = await Promise.all([
    verifyLog({ entries: log.filter((e) => e.seq !== 3) }),
    verifyLog({ entries: swap(log, 1, 2) }),
    verifyLog({ entries: swap(log, 0, 3) }),
    verifyLog({ entries: [...log.slice(0, 4), log[1]!, ...log.slice(5)] }),
    verifyLog({ entries: edited }),
    verifyLog({ entries: relinked }),
    verifyLog({ entries: [...log.slice(0, 2), { ...log[2]!, kind: 7 } as unknown as StoredEntry, ...log.slice(3)] }),
    verifyLog({ entries: 'no' as unknown as StoredEntry[] }),
    verifyLog({ entries: rewritten, checkpoints: [checkpoint(4)], publicKeyRaw, origin: ORIGIN }),
    verifyLog({ entries: log.slice(0, 3), checkpoints: [checkpoint(5)], publicKeyRaw, origin: ORIGIN }),
    verifyLog({ entries: log, checkpoints: [checkpoint(4)] }),
    verifyLog({ entries: log, checkpoints: [checkpoint(4, other), { note: 7 as unknown as string }, { note: 'garbage' }], publicKeyRaw, origin: ORIGIN }),
    verifyLog({ entries: log, checkpoints: [checkpoint(4, privateKey, 'elsewhere.example/log')], publicKeyRaw, origin: ORIGIN }),
    verifyLog({ entries: charter }),
    verifyLog({ entries: ballots }),
  ]);
  return reports.flatMap((r) => r.problems);
}

function hashedEntryProblems(): { message: string | null; text: LogText | null }[] {
  const row = { seq: 1, entry: canonicalEntry(entries[0]!), prevHash: log[0]!.prevHash, hash: log[0]!.hash };
  return [
    { ...row, entry: '{' },
    { ...row, entry: '{}' },
    { ...row, entry: ` ${row.entry}` },
    { ...row, seq: 2 },
    { ...row, hash: 'x' },
  ].map((r) => {
    const read = readHashedEntry(h, r);
    return { message: read.problem, text: read.problemText };
  });
}

/** The English words of a template, outside its placeholders (lower case, four letters or more). */
const englishWords = (code: LogTextCode): string[] =>
  logTextEnglish[code]
    .replace(/\{\w+\}/g, ' ')
    .split(/[^A-Za-z.]+/)
    .map((w) => w.replace(/^\.+|\.+$/g, '').toLowerCase())
    .filter((w) => w.length >= 4 && !shared.has(w));
/** Words French or German write the same, and the log's own field and kind names. */
const shared = new Set([
  'position',
  'version',
  'export',
  'json',
  'format',
  'name',
  'note',
  'place',
  'form',
  'signature',
  'secret',
  'objection',
  'objections',
  'voteid',
  'seatid',
  'stageindex',
  'prevhash',
  'ballot.cast',
  'voting.closed',
]);
/** The text with every given string (seqs, hashes, kinds, what other code said in English) blanked: only its own words are left. */
const blank = (text: LogText): LogText =>
  logText(text.code, Object.fromEntries(Object.entries(text.params ?? {}).map(([k, v]) => [k, typeof v === 'string' ? '·' : blank(v)])));

function codesOf(text: LogText, into = new Set<LogTextCode>()): Set<LogTextCode> {
  into.add(text.code);
  for (const v of Object.values(text.params ?? {})) if (typeof v !== 'string') codesOf(v, into);
  return into;
}

describe('verifyWords', () => {
  it('holds, in English, the table the checks word their problems from', () => {
    const groups = Object.entries(en.verifyWords).filter(([g]) => !['kinds', 'ballotSummary', 'deletedAccount', 'download', 'kindLabel'].includes(g));
    const flat = Object.fromEntries(groups.flatMap(([g, messages]) => Object.entries(messages).map(([n, m]) => [`${g}.${n}`, m])));
    expect(flat).toEqual(logTextEnglish);
  });

  it('says every problem of a corrupted log in English word for word, and in French and German without its English', async () => {
    const problems = [...(await corruptedLogs()), ...hashedEntryProblems()];
    const seen = new Set<LogTextCode>();
    for (const p of problems) {
      expect(p.text, p.message ?? '').toBeDefined();
      const text = p.text!;
      codesOf(text, seen);
      expect(englishLogText(text)).toBe(p.message);
      expect(say.en(text)).toBe(p.message);
      for (const locale of ['fr', 'de'] as const) {
        expect(say[locale](text)).not.toBe(p.message);
        const words = say[locale](blank(text)).toLowerCase();
        for (const code of codesOf(text))
          for (const w of englishWords(code))
            expect(words, `${locale} ${code}: ${words}`).not.toMatch(new RegExp(`(^|[^a-z])${w.replace('.', '\\.')}($|[^a-z])`));
      }
    }
    // The corrupted logs reach most of the verifier's sentences (the rest are checked below, one by one).
    expect(seen.size).toBeGreaterThan(40);
  });

  it('says every message of the table in French and German without its English', () => {
    for (const code of Object.keys(logTextEnglish) as LogTextCode[]) {
      const params = Object.fromEntries([...logTextEnglish[code].matchAll(/\{(\w+)\}/g)].map(([, name]) => [name!, '·']));
      const text = logText(code, params);
      expect(say.en(text)).toBe(englishLogText(text));
      for (const locale of ['fr', 'de'] as const) {
        const words = say[locale](text).toLowerCase();
        for (const w of englishWords(code))
          expect(words, `${locale} ${code}: ${words}`).not.toMatch(new RegExp(`(^|[^a-z])${w.replace('.', '\\.')}($|[^a-z])`));
      }
    }
  });

  it('says why an export cannot be read, in English word for word', () => {
    for (const [text, key] of [
      ['not json', undefined],
      ['[]', undefined],
      ['{"format":"other"}', undefined],
      ['{"format":"quorate-log-export/1"}', undefined],
      [JSON.stringify({ format: 'quorate-log-export/1', entries: [] }), 'garbage'],
      [JSON.stringify({ format: 'quorate-log-export/1', entries: [], verifierKey: 'bad' }), undefined],
    ] as const) {
      const loaded = loadLogExport(text, key);
      expect(loaded.ok).toBe(false);
      if (loaded.ok) continue;
      expect(say.en(loaded.errorText)).toBe(loaded.error);
      expect(say.fr(loaded.errorText)).not.toBe(loaded.error);
      expect(say.de(loaded.errorText)).not.toBe(loaded.error);
    }
  });

  it('sums up the ballots as ballotSummaryText does, in English word for word', () => {
    for (const opened of [0, 1, 2])
      for (const legacy of [0, 1, 3])
        for (const sealed of [0, 1, 2])
          for (const secret of [0, 1, 4]) {
            const s: BallotCheckSummary = { ballotsOpened: opened, legacyUnhidden: legacy, stillSealed: sealed, secretCounted: secret };
            expect(ballotSummaryWords(s, words('en'))).toBe(ballotSummaryText(s));
            for (const locale of ['fr', 'de'] as const) {
              const said = ballotSummaryWords(s, words(locale)).toLowerCase();
              for (const w of ['disclosed', 'ballot', 'ballots', 'commitment', 'scheme', 'sealed', 'counted', 'voting'])
                expect(said).not.toMatch(new RegExp(`\\b${w}\\b`));
            }
          }
  });
});

/** A translator of the `verifyWords` namespace. */
function words(locale: 'en' | 'fr' | 'de') {
  const t = translatorFor(locale) as unknown as (key: string, params?: Record<string, string | number>) => string;
  return (key: string, params?: Record<string, string | number>) => t(`verifyWords.${key}`, params);
}
