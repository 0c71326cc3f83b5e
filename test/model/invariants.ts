/**
 * The invariants, checked after every step of every sequence. Each reads one snapshot: the
 * database rows of the organization and its PUBLIC export (the route handler
 * GET /api/o/[slug]/log/export, called as a function), and returns its violations in plain words
 * (empty = it holds). To add one: write `function name(s: Snapshot): string[]`, add it to
 * `invariants` below; if it fails on the current code, add its name to `expectedFailures` in the
 * test file until the fix is merged.
 */
import { discloseAttachments } from '@/lib/log/attachment';
import { sha256 } from '@/lib/log/sha256';
import { createHash } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { charters, logHeads, memberships, proposalStages, proposals, recusals, seats, votes } from '@/db/schema';
import { base64Decode } from '@/lib/log/base64';
import { canonicalJson } from '@/lib/log/canonical';
import type { StoredEntry } from '@/lib/log/entry';
import { nodeSha256 } from '@/lib/log/node-hash';
import { verifyLog } from '@/lib/log/verify';
import type { BallotChoice, Charter, ChoiceMethodSpec, ProposalTypeSpec, Ratio, SeatState, TallyResult } from '@/lib/governance/types';
import { canAppointToBody, isStranded, vacancyFillingOf } from '@/lib/governance/vacancy';
import { countChoice, mergeBallots } from '@/lib/governance/choice-count';
import { GET as exportGET } from '@/app/api/o/[slug]/log/export/route';
import { roleAt } from './model';
import type { Model, Real } from './model';

type ExportDoc = { origin: string; publicKey: string; entries: StoredEntry[]; checkpoints: { size: number; note: string }[] };

export type Snapshot = Awaited<ReturnType<typeof takeSnapshot>>;

const exports = new WeakMap<Model, { size: number; doc: ExportDoc }>();

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const choices: BallotChoice[] = ['yes', 'no', 'abstain'];
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

/** The public export, exactly as a visitor downloads it. */
export async function publicExport(real: Real): Promise<ExportDoc> {
  const response = await exportGET(new Request(`http://quorate.test/api/o/${real.slug}/log/export`), { params: Promise.resolve({ slug: real.slug }) });
  if (response.status !== 200) throw new Error(`export answered ${response.status}`);
  return (await response.json()) as ExportDoc;
}

export async function takeSnapshot(model: Model, real: Real) {
  const { db, orgId } = real;
  // The export (and its verification) only changes when the log grows: a refused step reuses it.
  const [head] = await db.select({ size: logHeads.size }).from(logHeads).where(eq(logHeads.orgId, orgId));
  const size = head?.size ?? 0;
  const cached = exports.get(model);
  const doc = cached && cached.size === size ? cached.doc : await publicExport(real);
  const fresh = doc !== cached?.doc;
  exports.set(model, { size, doc });
  const proposalRows = await db.select().from(proposals).where(eq(proposals.orgId, orgId));
  const ids = proposalRows.map((p) => p.id);
  const [seatRows, stageRows, voteRows, recusalRows, charterRows, memberRows] = await Promise.all([
    db.select().from(seats).where(eq(seats.orgId, orgId)),
    ids.length ? db.select().from(proposalStages).where(inArray(proposalStages.proposalId, ids)) : Promise.resolve([]),
    ids.length ? db.select().from(votes).where(inArray(votes.proposalId, ids)) : Promise.resolve([]),
    ids.length ? db.select().from(recusals).where(inArray(recusals.proposalId, ids)) : Promise.resolve([]),
    db.select().from(charters).where(eq(charters.orgId, orgId)),
    db
      .select()
      .from(memberships)
      .where(and(eq(memberships.orgId, orgId))),
  ]);
  // A member-wide close's roll and roll call are in an attachment the entry names by hash: read in (checked), so every invariant sees them.
  const entries = discloseAttachments(doc.entries, (doc as { attachments?: unknown }).attachments, sha256).entries as typeof doc.entries;
  return { model, real, doc, fresh, entries, proposalRows, seatRows, stageRows, voteRows, recusalRows, charterRows, memberRows };
}

// --- helpers over the public log ------------------------------------------------------------

const ofKind = (s: Snapshot, kind: string) => s.entries.filter((e) => e.kind === kind);
const payload = <T>(e: StoredEntry) => e.payload as T;
const ms = (iso: string) => Date.parse(iso);

/** The charter documents, each checked against the hash the public log gives for its version. */
function publicCharters(s: Snapshot): { charters: Map<number, Charter>; problems: string[] } {
  const out = new Map<number, Charter>();
  const problems: string[] = [];
  const logged = new Map<number, string>();
  for (const e of s.entries)
    if (e.kind === 'charter.adopted' || e.kind === 'charter.amended')
      logged.set(payload<{ version: number }>(e).version, payload<{ documentHash: string }>(e).documentHash);
  for (const row of s.charterRows) {
    out.set(row.version, row.document);
    const hash = sha(canonicalJson(row.document));
    if (logged.get(row.version) !== hash)
      problems.push(`charter version ${row.version} (hash ${hash.slice(0, 12)}) has no matching charter.adopted/amended entry`);
  }
  return { charters: out, problems };
}

function typeOf(charter: Charter, key: string): ProposalTypeSpec {
  const t = charter.proposalTypes.find((x) => x.key === key);
  if (!t) throw new Error(`type ${key} missing from charter v${charter.version}`);
  return t;
}

/** Body of each seat, from the seat.* entries' payloads (every seat that was ever held is named there). */
function seatBodiesFromLog(s: Snapshot): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of s.entries)
    if (e.kind.startsWith('seat.') && e.subject?.startsWith('seat:')) {
      const bodyKey = payload<{ bodyKey?: string }>(e).bodyKey;
      if (bodyKey) out.set(e.subject.slice(5), bodyKey);
    }
  return out;
}

// Independent of lib/governance/tally.ts on purpose: written from the charter's words.
const atLeast = (base: number, r: Ratio) => (r.inclusive ? Math.ceil((r.num * base) / r.den) : Math.floor((r.num * base) / r.den) + 1);
const meets = (count: number, base: number, r: Ratio) => (r.inclusive ? count * r.den >= r.num * base : count * r.den > r.num * base);

// --- (a) no voting before the minimum window (and the subject's reply) -----------------------

/** No stage opens before publication + the minimum comment window (emergency: the shortened one, never before the motion passed) and, with a subject, before the reply or its deadline; later stages only after the previous closed; every ballot inside its stage's window. From the public log and the charter. */
export function noEarlyVoting(s: Snapshot): string[] {
  const out: string[] = [];
  const { charters: docs } = publicCharters(s);
  const bySubject = groupBySubject(s);
  for (const [subject, list] of bySubject) {
    if (!subject.startsWith('proposal:')) continue;
    const published = list.find((e) => e.kind === 'proposal.published');
    const opened = list.filter((e) => e.kind === 'voting.opened');
    const ballots = list.filter((e) => e.kind === 'ballot.cast');
    if (!published) {
      if (opened.length || ballots.length) out.push(`${subject}: voting entries without a publication`);
      continue;
    }
    const p = payload<{ typeKey: string; charterVersion: number; number: number }>(published);
    const charter = docs.get(p.charterVersion);
    if (!charter) continue;
    const type = typeOf(charter, p.typeKey);
    const pub = ms(published.at);
    const approved = list.find((e) => e.kind === 'emergency.approved');
    let earliest =
      approved && type.emergency ? Math.max(pub + type.emergency.minCommentWindowHours * HOUR, ms(approved.at)) : pub + type.minCommentWindowHours * HOUR;
    if (type.requiresSubject) {
      const reply = list.find((e) => e.kind === 'proposal.subject_replied');
      const deadline = earliest + type.replyWindowHours * HOUR;
      earliest = Math.max(earliest, reply ? Math.min(ms(reply.at), deadline) : deadline);
    }
    const windows = new Map<number, { opensAt: number; closesAt: number }>();
    for (const o of opened) {
      const w = payload<{ stageIndex: number; opensAt: string; closesAt: string }>(o);
      windows.set(w.stageIndex, { opensAt: ms(w.opensAt), closesAt: ms(w.closesAt) });
      if (w.stageIndex === 0 && ms(w.opensAt) < earliest)
        out.push(`#${p.number}: stage 1 opened ${new Date(w.opensAt).toISOString()}, before ${new Date(earliest).toISOString()}`);
      const spec = type.stages[w.stageIndex];
      if (spec && ms(w.closesAt) - ms(w.opensAt) !== spec.votingWindowHours * HOUR)
        out.push(`#${p.number}: stage ${w.stageIndex + 1} window is not ${spec.votingWindowHours} h`);
    }
    for (const [i, w] of windows) {
      if (i === 0) continue;
      const prev = windows.get(i - 1);
      if (!prev || w.opensAt < prev.closesAt) out.push(`#${p.number}: stage ${i + 1} opened before stage ${i} closed`);
    }
    for (const b of ballots) {
      const { stageIndex } = payload<{ stageIndex: number }>(b);
      const w = windows.get(stageIndex);
      const at = ms(b.at);
      if (!w || at < w.opensAt || at >= w.closesAt) out.push(`#${p.number}: ballot seq ${b.seq} at ${b.at} outside stage ${stageIndex + 1}'s window`);
    }
  }
  // The database agrees: no stored opening earlier than the logged one, no ballot row outside it.
  for (const st of s.stageRows) {
    if (!st.opensAt) continue;
    const row = s.proposalRows.find((p) => p.id === st.proposalId)!;
    const logged = (bySubject.get(`proposal:${row.id}`) ?? []).find(
      (e) => e.kind === 'voting.opened' && payload<{ stageIndex: number }>(e).stageIndex === st.stageIndex,
    );
    if (!logged || ms(payload<{ opensAt: string }>(logged).opensAt) !== st.opensAt.getTime())
      out.push(`#${row.number}: stage ${st.stageIndex + 1} open in the database without a matching voting.opened entry`);
  }
  return out;
}

function groupBySubject(s: Snapshot): Map<string, StoredEntry[]> {
  const out = new Map<string, StoredEntry[]>();
  for (const e of s.entries) if (e.subject) (out.get(e.subject) ?? out.set(e.subject, []).get(e.subject)!).push(e);
  return out;
}

// --- (b) the tally equals a recount from the public log alone --------------------------------

type RollCall = { voteId: string; seatId: string; voterUserId: string; choice: BallotChoice }[];

/**
 * For every `voting.closed` entry: recount yes/no/abstain from its roll call, recusals from the
 * `recusal.declared` entries before it (seats of the stage's body), quorum and threshold from the
 * charter (whose hash the log holds); the recount must equal the published tally and the stored
 * one. The roll call must name, per seat, the last ballot the log shows that seat casting in
 * the stage, and nothing from a recused seat.
 */
export function tallyMatchesRecount(s: Snapshot): string[] {
  const out: string[] = [];
  const { charters: docs, problems } = publicCharters(s);
  out.push(...problems);
  const seatBody = seatBodiesFromLog(s);
  const bySubject = groupBySubject(s);
  for (const closed of ofKind(s, 'voting.closed')) {
    const c = payload<{ number: number; stageIndex: number; bodyKey: string; tally: TallyResult; rollCall: RollCall }>(closed);
    const list = bySubject.get(closed.subject!) ?? [];
    const published = list.find((e) => e.kind === 'proposal.published');
    if (!published) {
      out.push(`#${c.number}: closed without publication`);
      continue;
    }
    const pp = payload<{ typeKey: string; charterVersion: number }>(published);
    const charter = docs.get(pp.charterVersion);
    if (!charter) continue;
    const spec = typeOf(charter, pp.typeKey).stages[c.stageIndex]!;
    const body = charter.bodies.find((b) => b.key === spec.bodyKey)!;
    const recused = new Set(
      list
        .filter((e) => e.kind === 'recusal.declared' && e.seq < closed.seq)
        .map((e) => payload<{ seatId: string }>(e).seatId)
        .filter((id) => seatBody.get(id) === body.key),
    );
    const lastBallot = new Map<string, string>();
    for (const e of list)
      if (e.kind === 'ballot.cast' && e.seq < closed.seq && payload<{ stageIndex: number }>(e).stageIndex === c.stageIndex)
        lastBallot.set(payload<{ seatId: string }>(e).seatId, payload<{ voteId: string }>(e).voteId);
    const counted = c.rollCall.filter((r) => !recused.has(r.seatId));
    for (const r of c.rollCall) {
      if (recused.has(r.seatId)) out.push(`#${c.number}: roll call counts recused seat ${r.seatId}`);
      if (lastBallot.get(r.seatId) !== r.voteId) out.push(`#${c.number}: roll call vote ${r.voteId} is not the last ballot the log shows for its seat`);
    }
    for (const [seatId] of lastBallot)
      if (!recused.has(seatId) && !c.rollCall.some((r) => r.seatId === seatId)) out.push(`#${c.number}: seat ${seatId} cast a ballot the roll call leaves out`);
    const typeSpec = typeOf(charter, pp.typeKey);
    // A seat election counts its frozen candidates with its rule, as many winners as frozen seats.
    const frozen = list.find((e) => e.kind === 'election.candidates_frozen');
    const frozenPayload = frozen ? payload<{ seats: number; candidates: { name: string }[] }>(frozen) : null;
    const method = typeSpec.method ?? (typeSpec.election && frozenPayload ? { key: typeSpec.election.rule, winners: frozenPayload.seats } : undefined);
    if (typeSpec.election && !frozenPayload) out.push(`#${c.number}: an election closed a vote without frozen candidates`);
    if (method) {
      out.push(
        ...choiceRecount(s, c, counted, {
          charter,
          typeKey: pp.typeKey,
          method,
          options: frozenPayload ? frozenPayload.candidates.map((x) => x.name) : (payload<{ options?: string[] }>(published).options ?? []),
          recused: recused.size,
        }),
      );
      continue;
    }
    const yes = counted.filter((r) => r.choice === 'yes').length;
    const no = counted.filter((r) => r.choice === 'no').length;
    const abstain = counted.filter((r) => r.choice === 'abstain').length;
    const cast = yes + no + abstain;
    const charterSeats = body.charterSeats;
    const quorumRequired = atLeast(body.recusedSeatsCountTowardQuorumBase ? charterSeats : charterSeats - recused.size, spec.quorum);
    const thresholdBase = spec.thresholdBase === 'charter_seats' ? charterSeats : yes + no;
    const normallyPassed = cast >= quorumRequired && thresholdBase > 0 && meets(yes, thresholdBase, spec.threshold);
    // A seat appointment may also pass by a majority of the holders in office when voting opened
    // (the number the tally publishes; the rule is recomputed here: more than half of them voting yes).
    const inOffice = c.tally.remainingMajority?.holdersInOffice;
    if (c.tally.remainingMajority && c.tally.remainingMajority.met !== yes * 2 > (inOffice ?? 0))
      out.push(`#${c.number} stage ${c.stageIndex + 1}: remaining-majority verdict does not follow from ${yes} yes of ${String(inOffice)} in office`);
    const passed = normallyPassed || (inOffice !== undefined && inOffice >= 1 && yes * 2 > inOffice);
    const recount: Partial<TallyResult> = {
      yes,
      no,
      abstain,
      cast,
      charterSeats,
      recused: recused.size,
      quorumRequired,
      quorumMet: cast >= quorumRequired,
      thresholdBase,
      passed,
      outcome: passed ? 'passed' : cast < quorumRequired ? 'failed_quorum' : 'rejected',
    };
    for (const [k, v] of Object.entries(recount))
      if (c.tally[k as keyof TallyResult] !== v)
        out.push(`#${c.number} stage ${c.stageIndex + 1}: published ${k} = ${String(c.tally[k as keyof TallyResult])}, recount from the log = ${String(v)}`);
    const row = s.proposalRows.find((p) => `proposal:${p.id}` === closed.subject);
    const stored = s.stageRows.find((st) => st.proposalId === row?.id && st.stageIndex === c.stageIndex)?.tally;
    if (canonicalJson(stored ?? null) !== canonicalJson(c.tally)) out.push(`#${c.number}: stored tally differs from the published one`);
  }
  return out;
}

/**
 * A choice among options: every counted roll-call entry is a secret ballot; the quorum verdict
 * follows from their number; the published ballots are exactly the preferences the model's voters
 * cast (their last ballots, merged), as many as were cast; and counting them again with the
 * type's method, the published options and seed gives the published result.
 */
function choiceRecount(
  s: Snapshot,
  c: { number: number; stageIndex: number; tally: TallyResult },
  counted: RollCall,
  ctx: { charter: Charter; typeKey: string; method: ChoiceMethodSpec; options: string[]; recused: number },
): string[] {
  const out: string[] = [];
  const where = `#${c.number} (choice)`;
  const spec = typeOf(ctx.charter, ctx.typeKey);
  const stage = spec.stages[c.stageIndex]!;
  const body = ctx.charter.bodies.find((b) => b.key === stage.bodyKey)!;
  for (const r of counted) if (r.choice !== ('secret' as string)) out.push(`${where}: roll call discloses ${JSON.stringify(r.choice)}, not a secret ballot`);
  const cast = counted.length;
  const quorumRequired = atLeast(body.recusedSeatsCountTowardQuorumBase ? body.charterSeats : body.charterSeats - ctx.recused, stage.quorum);
  const passed = cast >= quorumRequired && cast >= 1;
  const recount = { cast, quorumRequired, quorumMet: cast >= quorumRequired, passed, outcome: passed ? 'passed' : 'failed_quorum' };
  for (const [k, v] of Object.entries(recount))
    if (c.tally[k as keyof TallyResult] !== v)
      out.push(`${where}: published ${k} = ${String(c.tally[k as keyof TallyResult])}, recount from the log = ${String(v)}`);
  const count = c.tally.choice?.count;
  if (cast === 0) {
    if (count) out.push(`${where}: a count was published with no ballots`);
    return out;
  }
  if (!count) return [...out, `${where}: ${cast} ballots counted but no count published`];
  if (canonicalJson(count.options) !== canonicalJson(ctx.options)) out.push(`${where}: the count's options differ from the published ones`);
  // The model knows what each voter cast: the published ballots must be exactly those.
  const known = counted.map((r) => s.model.ballots.get(r.voteId)?.preferences);
  if (known.every((k) => k !== undefined)) {
    const expected = mergeBallots(known as number[][]);
    if (canonicalJson(expected) !== canonicalJson(count.ballots)) {
      out.push(`${where}: published ballots ${JSON.stringify(count.ballots)} are not the ones cast ${JSON.stringify(expected)}`);
    }
  }
  const again = countChoice(
    ctx.method,
    ctx.options,
    count.lotSeed,
    count.ballots.flatMap(([n, ...prefs]) => Array.from({ length: n! }, () => prefs)),
  );
  if (canonicalJson(again.result) !== canonicalJson(count.result)) out.push(`${where}: counting the published ballots again gives another result`);
  return out;
}

/** Every ballot the model cast is stored, and revealed at the close, with the choice the voter made. */
export function ballotsAsCast(s: Snapshot): string[] {
  const out: string[] = [];
  for (const v of s.voteRows) {
    const known = s.model.ballots.get(v.id);
    if (known && known.choice !== v.choice) out.push(`ballot ${v.id}: ${known.voter} chose ${known.choice}, stored ${v.choice}`);
    if (known?.preferences && canonicalJson(known.preferences) !== canonicalJson(v.preferences ?? null))
      out.push(`ballot ${v.id}: ${known.voter} ranked ${JSON.stringify(known.preferences)}, stored ${JSON.stringify(v.preferences)}`);
  }
  for (const closed of ofKind(s, 'voting.closed')) {
    for (const r of payload<{ rollCall: RollCall }>(closed).rollCall) {
      const known = s.model.ballots.get(r.voteId);
      if (known && known.choice !== r.choice) out.push(`roll call at seq ${closed.seq}: ${known.voter} chose ${known.choice}, revealed ${r.choice}`);
    }
  }
  return out;
}

// --- (c) every domain change has its log entry -----------------------------------------------

/**
 * Seats: replaying the seat.* entries from all-vacant gives exactly the holders in the database,
 * and so does the model (changed only by accepted actions). Ballots: one ballot.cast entry per
 * ballot row, naming it. Recusals: one recusal.declared per row. Proposals: published (and
 * withdrawn after publication) ones have their entry; every opened/closed stage and recorded
 * outcome has its entry; every charter version has its entry.
 */
export function everyChangeLogged(s: Snapshot): string[] {
  const out: string[] = [];
  const { model, real } = s;
  const live = s.seatRows.filter((r) => !r.retiredAt);
  const replay = new Map<string, string | null>();
  for (const e of s.entries) {
    if (!e.subject?.startsWith('seat:')) continue;
    const id = e.subject.slice(5);
    const p = payload<{ holderId?: string }>(e);
    if (e.kind === 'seat.founding_appointment' || e.kind === 'seat.filled') replay.set(id, p.holderId ?? null);
    if (e.kind === 'seat.resigned' || e.kind === 'seat.vacated') replay.set(id, null);
  }
  for (const r of live) {
    if ((replay.get(r.id) ?? null) !== r.holderUserId)
      out.push(`seat ${r.bodyKey} #${r.position}: the database says ${r.holderUserId ?? 'vacant'}, the public log says ${replay.get(r.id) ?? 'vacant'}`);
    const m = model.seats.find((x) => x.id === r.id);
    const expected = m?.holder ? real.ids[m.holder] : null;
    if (!m) out.push(`seat ${r.bodyKey} #${r.position} exists in the database but not in the model`);
    else if (expected !== r.holderUserId)
      out.push(`seat ${r.bodyKey} #${r.position}: the database says ${real.keyOf.get(r.holderUserId ?? '') ?? 'vacant'}, the model ${m.holder ?? 'vacant'}`);
  }
  for (const m of model.seats) if (!live.some((r) => r.id === m.id)) out.push(`model seat ${m.bodyKey} #${m.position} is missing or retired in the database`);
  const ballotEntries = new Map(ofKind(s, 'ballot.cast').map((e) => [payload<{ voteId: string }>(e).voteId, e]));
  for (const v of s.voteRows) {
    const e = ballotEntries.get(v.id);
    if (!e) out.push(`ballot ${v.id} has no ballot.cast entry`);
    else if (payload<{ seatId: string }>(e).seatId !== v.seatId || e.actorId !== v.voterUserId)
      out.push(`ballot ${v.id}: its entry names another seat or voter`);
  }
  if (ballotEntries.size !== s.voteRows.length) out.push(`${ballotEntries.size} ballot.cast entries for ${s.voteRows.length} ballots`);
  const recusalEntries = ofKind(s, 'recusal.declared');
  if (recusalEntries.length !== s.recusalRows.length) out.push(`${recusalEntries.length} recusal.declared entries for ${s.recusalRows.length} recusals`);
  const has = (subject: string, kind: string, pred: (e: StoredEntry) => boolean = () => true) =>
    s.entries.some((e) => e.subject === subject && e.kind === kind && pred(e));
  for (const p of s.proposalRows) {
    const subject = `proposal:${p.id}`;
    if (p.publishedAt && !has(subject, 'proposal.published')) out.push(`#${p.number} published without its entry`);
    if (!p.publishedAt && s.entries.some((e) => e.subject === subject)) out.push(`#${p.number} is a draft but has log entries`);
    if (p.status === 'withdrawn' && p.publishedAt && !has(subject, 'proposal.withdrawn')) out.push(`#${p.number} withdrawn without its entry`);
    if (p.outcome && !has(subject, p.outcome === 'lapsed' ? 'proposal.lapsed' : 'proposal.decided'))
      out.push(`#${p.number} outcome ${p.outcome} without its entry`);
    if (p.emergencyApprovedAt && !has(subject, 'emergency.approved')) out.push(`#${p.number} emergency approved without its entry`);
    if (p.ratifiedAt && !has(subject, 'proposal.ratified')) out.push(`#${p.number} ratified without its entry`);
    const mp = model.proposals.find((x) => x.id === p.id);
    if (mp && (mp.publishedAt ?? null) !== (p.publishedAt?.getTime() ?? null))
      out.push(
        `#${p.number}: published at ${p.publishedAt?.toISOString() ?? 'never'} in the database, the model says ${mp.publishedAt ? new Date(mp.publishedAt).toISOString() : 'never'}`,
      );
    if (mp && mp.status !== p.status) out.push(`#${p.number}: status ${p.status} in the database, ${mp.status} in the model`);
  }
  for (const st of s.stageRows) {
    const subject = `proposal:${st.proposalId}`;
    if (st.opensAt && !has(subject, 'voting.opened', (e) => payload<{ stageIndex: number }>(e).stageIndex === st.stageIndex))
      out.push(`stage ${st.stageIndex + 1} of ${subject} opened without its entry`);
    if (st.closedRecordedAt && !has(subject, 'voting.closed', (e) => payload<{ stageIndex: number }>(e).stageIndex === st.stageIndex))
      out.push(`stage ${st.stageIndex + 1} of ${subject} closed without its entry`);
  }
  for (const c of s.charterRows)
    if (!s.entries.some((e) => (e.kind === 'charter.adopted' || e.kind === 'charter.amended') && payload<{ version: number }>(e).version === c.version))
      out.push(`charter version ${c.version} without its entry`);
  return out;
}

// --- (d) at most one seat per person per body ------------------------------------------------

export function oneSeatPerPersonPerBody(s: Snapshot): string[] {
  const seen = new Map<string, number>();
  for (const r of s.seatRows)
    if (!r.retiredAt && r.holderUserId) seen.set(`${r.bodyKey}|${r.holderUserId}`, (seen.get(`${r.bodyKey}|${r.holderUserId}`) ?? 0) + 1);
  return [...seen].filter(([, n]) => n > 1).map(([k, n]) => `${s.real.keyOf.get(k.split('|')[1]!) ?? k} holds ${n} seats of the ${k.split('|')[0]}`);
}

// --- (e) no observer ballot; (e2) no observer recusal or emergency backing ------------------

/** No ballot row, and no ballot.cast entry, from someone who was an observer when it was cast. */
export function noObserverBallot(s: Snapshot): string[] {
  const out: string[] = [];
  for (const v of s.voteRows) {
    const who = s.real.keyOf.get(v.voterUserId);
    if (who && roleAt(s.model, who, v.castAt.getTime()) === 'observer') out.push(`${who} (an observer) cast ballot ${v.id}`);
  }
  for (const e of ofKind(s, 'ballot.cast')) {
    const who = s.real.keyOf.get(e.actorId ?? '');
    if (who && roleAt(s.model, who, ms(e.at)) === 'observer' && !s.voteRows.some((v) => v.id === payload<{ voteId: string }>(e).voteId))
      out.push(`the log shows observer ${who} casting a ballot`);
  }
  return out;
}

/** Observers take no part in a vote: no recusal and no emergency backing in their name. */
export function noObserverSeatPower(s: Snapshot): string[] {
  const out: string[] = [];
  for (const e of s.entries) {
    if (e.kind !== 'recusal.declared' && e.kind !== 'emergency.backed') continue;
    const who = s.real.keyOf.get(e.actorId ?? '');
    if (who && roleAt(s.model, who, ms(e.at)) === 'observer') out.push(`${who} (an observer) — ${e.kind} at seq ${e.seq}`);
  }
  return out;
}

// --- (f) no open choice recoverable from a public surface -------------------------------------

/**
 * For every ballot of a stage still open (no voting.closed entry for it in the export), nothing
 * public gives the choice away: no payload field holds it, and no candidate built from public
 * data — the current scheme and simple variants (orders, separators, seat, number, stage, case,
 * hex/base64) — reproduces the commitment; and no two open ballots share a commitment (a
 * deterministic commitment to the choice alone would leak by comparison with one's own).
 */
export function noOpenChoiceRecoverable(s: Snapshot): string[] {
  const out: string[] = [];
  const closed = new Set(ofKind(s, 'voting.closed').map((e) => `${e.subject}|${payload<{ stageIndex: number }>(e).stageIndex}`));
  const commitments = new Map<string, number>();
  for (const e of ofKind(s, 'ballot.cast')) {
    const p = payload<{ number: number; stageIndex: number; seatId: string; voteId: string; commitment?: string }>(e);
    if (closed.has(`${e.subject}|${p.stageIndex}`)) continue;
    for (const [k, v] of Object.entries(e.payload))
      if (typeof v === 'string' && (choices as string[]).includes(v.toLowerCase())) out.push(`open ballot ${p.voteId}: payload field "${k}" shows the choice`);
    const commitment = String(p.commitment ?? '').toLowerCase();
    if (!commitment) continue;
    commitments.set(commitment, (commitments.get(commitment) ?? 0) + 1);
    for (const choice of choices) {
      for (const c of [choice, choice.toUpperCase(), choice[0]!]) {
        const inputs = [
          `${p.voteId}:${c}`,
          `${c}:${p.voteId}`,
          `${p.voteId}${c}`,
          `${c}${p.voteId}`,
          `${p.voteId}|${c}`,
          `${p.voteId}\n${c}`,
          `${p.seatId}:${c}`,
          `${p.number}:${p.seatId}:${c}`,
          `${p.number}:${p.stageIndex}:${p.seatId}:${c}`,
          `${e.subject}:${p.voteId}:${c}`,
          `${p.voteId}:${p.stageIndex}:${c}`,
          c,
          JSON.stringify({ voteId: p.voteId, choice: c }),
        ];
        for (const input of inputs) {
          const digest = createHash('sha256').update(input).digest();
          if (digest.toString('hex') === commitment || digest.toString('base64') === p.commitment || digest.toString('base64url') === p.commitment) {
            const known = s.model.ballots.get(p.voteId);
            out.push(
              `open ballot ${p.voteId} (#${p.number}): the commitment opens to "${c}" with sha256(${JSON.stringify(input.replace(p.voteId, '<voteId>'))})${known ? ` — the voter chose ${known.choice}` : ''}`,
            );
          }
        }
      }
    }
  }
  for (const [c, n] of commitments) if (n > 1) out.push(`${n} open ballots share the commitment ${c.slice(0, 12)}…`);
  return out;
}

// --- (g) every body can reach full strength -------------------------------------------------

/**
 * What it checks (a necessary condition, to be tightened): for every body of the active charter
 * with a vacant seat, some proposal type with the seat_appointment effect could pass if every
 * seated member of each of its deciding bodies voted yes — the quorum and the threshold are
 * reachable with the seats filled now, and a critical type's strength minimum is met. Observers'
 * seats are not counted (they do not vote). It does not check that someone can author the
 * proposal, nor seat-class minimums; a body whose appointments are decided by itself and has
 * fallen below half of its seats fails here: it can never be refilled.
 */
export function bodiesCanReachFullStrength(s: Snapshot): string[] {
  const out: string[] = [];
  const active = [...s.charterRows].sort((a, b) => b.version - a.version)[0]!.document;
  const live = s.seatRows.filter((r) => !r.retiredAt);
  // As the vacancy rules see seats: held only by someone who can act with it (a member, not an observer).
  const acting = (userId: string | null) => userId !== null && roleOfUser(s, userId) !== null && roleOfUser(s, userId) !== 'observer';
  const seatStates: SeatState[] = live.map((r) => ({
    seatId: r.id,
    bodyKey: r.bodyKey,
    seatClass: r.seatClass,
    holderUserId: acting(r.holderUserId) ? r.holderUserId : null,
    vacatedAt: r.vacatedAt,
  }));
  // People who may actually vote with their seat (observers hold seats but never vote).
  const voters = (bodyKey: string) =>
    live.filter((r) => r.bodyKey === bodyKey && r.holderUserId && roleOfUser(s, r.holderUserId) !== 'observer' && roleOfUser(s, r.holderUserId) !== null)
      .length;
  const inOffice = (bodyKey: string) => new Set(live.filter((r) => r.bodyKey === bodyKey && acting(r.holderUserId)).map((r) => r.holderUserId)).size;
  const appointing = active.proposalTypes.filter((t) => t.effect === 'seat_appointment');
  for (const body of active.bodies) {
    const held = live.filter((r) => r.bodyKey === body.key && r.holderUserId).length;
    if (held >= body.charterSeats) continue;
    // A total wipe-out reopens founding appointments by an admin for this body (and an admin always exists).
    if (isStranded(active, body.key, seatStates)) continue;
    const canFill = appointing.some(
      (t) =>
        canAppointToBody({ charter: active, type: t, seatBodyKey: body.key, seats: seatStates }).ok &&
        t.stages.every((st) => {
          const b = active.bodies.find((x) => x.key === st.bodyKey)!;
          const f = voters(b.key);
          if (t.critical && f < b.minSeatsForCriticalDecisions) return false;
          // The normal way: quorum and threshold against charter seats, everyone who may vote voting yes.
          const quorum = atLeast(b.charterSeats, st.quorum);
          const yesNeeded = st.thresholdBase === 'charter_seats' ? Math.max(1, atLeast(b.charterSeats, st.threshold)) : 1;
          if (f >= quorum && f >= yesNeeded) return true;
          // Or, where the charter lets the body fill vacancies by the majority of those remaining in office: more than half of them.
          return vacancyFillingOf(active, b).byRemainingMajority && inOffice(b.key) >= 1 && f * 2 > inOffice(b.key);
        }),
    );
    if (!canFill) {
      const detail = appointing
        .map((t) => t.stages.map((st) => `${st.bodyKey}: ${voters(st.bodyKey)} voting holders of ${inOffice(st.bodyKey)} in office`).join(', '))
        .join('; ');
      out.push(`the ${body.key} has ${held} of ${body.charterSeats} seats filled and no appointment could ever pass (${detail || 'no appointment type'})`);
    }
  }
  return out;
}

function roleOfUser(s: Snapshot, userId: string): string | null {
  return s.memberRows.find((m) => m.userId === userId)?.role ?? null;
}

// --- (h) the log verifies ---------------------------------------------------------------------

export async function logVerifies(s: Snapshot): Promise<string[]> {
  if (!s.fresh) return []; // the same export as at the last step, already verified
  const report = await verifyLog(
    { entries: s.doc.entries, checkpoints: s.doc.checkpoints, publicKeyRaw: base64Decode(s.doc.publicKey)!, origin: s.doc.origin },
    undefined,
    { hasher: nodeSha256 },
  );
  const out = report.ok ? [] : report.problems.map((p) => `verify: ${p.kind} at ${p.seq}: ${p.message}`);
  if (report.entriesChecked !== s.entries.length) out.push(`verified ${report.entriesChecked} of ${s.entries.length} entries`);
  return out;
}

// --- (i) emergency decisions: ratified only in time, lapsed otherwise -----------------------

/** The ratification period (days) of the proposal these entries are about, if its type has an emergency procedure. */
function ratifyDays(docs: Map<number, Charter>, list: StoredEntry[]): number | null {
  const pub = list.find((e) => e.kind === 'proposal.published');
  if (!pub) return null;
  const p = payload<{ typeKey: string; charterVersion: number }>(pub);
  const charter = docs.get(p.charterVersion);
  return charter ? (typeOf(charter, p.typeKey).emergency?.ratifyWithinDays ?? null) : null;
}

/**
 * A proposal.ratified entry names a proposal that passed under an approved emergency motion,
 * comes within its type's ratification period, before any lapse.
 */
export function emergencyRatification(s: Snapshot): string[] {
  const out: string[] = [];
  const { charters: docs } = publicCharters(s);
  const bySubject = groupBySubject(s);
  for (const r of ofKind(s, 'proposal.ratified')) {
    const list = bySubject.get(r.subject!) ?? [];
    const decided = list.find((e) => e.kind === 'proposal.decided' && payload<{ outcome: string }>(e).outcome === 'passed');
    const approved = list.find((e) => e.kind === 'emergency.approved');
    const days = ratifyDays(docs, list);
    const lapsed = list.find((e) => e.kind === 'proposal.lapsed' && e.seq < r.seq);
    if (!decided || decided.seq > r.seq) out.push(`seq ${r.seq}: ratifies ${r.subject}, which had not passed`);
    else if (!approved || days === null) out.push(`seq ${r.seq}: ratifies ${r.subject}, which was not an emergency decision`);
    else if (ms(r.at) > ms(decided.at) + days * DAY) out.push(`seq ${r.seq}: ratifies ${r.subject} after its ${days}-day period`);
    if (lapsed) out.push(`seq ${r.seq}: ratifies ${r.subject} after it lapsed`);
  }
  return out;
}

/** An emergency decision whose ratification period has run out unratified is recorded as lapsed once the worker has run (every clock move runs it). */
export function emergencyLapses(s: Snapshot): string[] {
  const out: string[] = [];
  const { charters: docs } = publicCharters(s);
  const bySubject = groupBySubject(s);
  for (const [subject, list] of bySubject) {
    const decided = list.find((e) => e.kind === 'proposal.decided' && payload<{ outcome: string }>(e).outcome === 'passed');
    const approved = list.find((e) => e.kind === 'emergency.approved');
    const days = ratifyDays(docs, list);
    if (!decided || !approved || days === null) continue;
    const deadline = ms(decided.at) + days * DAY;
    const ratified = list.find((e) => e.kind === 'proposal.ratified' && ms(e.at) <= deadline);
    if (!ratified && s.model.now > deadline && s.model.lastTransitionsAt > deadline && !list.some((e) => e.kind === 'proposal.lapsed'))
      out.push(`${subject}: emergency decision unratified past its ${days}-day period, not recorded as lapsed`);
  }
  return out;
}

export type Invariant = { name: string; check: (s: Snapshot) => string[] | Promise<string[]> };

/** Every invariant, under the name of its check. */
// --- (g) a secret ballot stays secret, open or closed -----------------------------------------

/**
 * No public entry names a secret ballot's preferences or links a receipt to a person: its
 * `ballot.cast` holds only who cast it (the seat, or a member-wide vote's voter) and `secret:
 * true`, with — given a receipt — a hiding commitment whose nonce is never published; the
 * close's roll call only who voted; no payload anywhere has a `preferences`, `nonce` or
 * `rationale` beside a secret ballot; and a stored ballot's receipt appears only in a
 * `ballots.receipts` entry, which names no person, seat or ballot id, nor a replaced ballot —
 * before or after the close.
 */
export function secretBallotsStaySecret(s: Pick<Snapshot, 'entries' | 'voteRows'>): string[] {
  const out: string[] = [];
  const castKeys = ['number,seatId,secret,stageIndex,voteId', 'member,number,secret,stageIndex,voteId,voterUserId'];
  for (const e of s.entries.filter((x) => x.kind === 'ballot.cast')) {
    if (payload<{ secret?: boolean }>(e).secret !== true) continue;
    const keys = Object.keys(e.payload).sort();
    const bare = keys.filter((k) => k !== 'commitment' && k !== 'commitmentScheme').join(',');
    // With a receipt, a hiding commitment whose nonce is never published (lib/log/secret-ballot-commitment.ts); nothing else.
    const committed = keys.includes('commitment') || keys.includes('commitmentScheme');
    const p = payload<{ commitment?: unknown; commitmentScheme?: unknown }>(e);
    if (committed && (p.commitmentScheme !== 'sha256-jcs-secret/1' || typeof p.commitment !== 'string' || !/^[0-9a-f]{64}$/.test(p.commitment))) {
      out.push(`secret ballot.cast at seq ${e.seq} has a commitment that is not a SHA-256 under the secret scheme`);
    }
    if (!castKeys.includes(bare)) out.push(`secret ballot.cast at seq ${e.seq} has fields ${keys.join(',')}`);
  }
  for (const closed of s.entries.filter((x) => x.kind === 'voting.closed')) {
    for (const r of payload<{ rollCall: Record<string, unknown>[] }>(closed).rollCall) {
      if (r.choice === 'secret' && Object.keys(r).sort().join(',') !== 'choice,seatId,voteId,voterUserId')
        out.push(`roll call at seq ${closed.seq} discloses ${Object.keys(r).sort().join(',')} of a secret ballot`);
    }
  }
  if (JSON.stringify(s.entries.map((e) => e.payload)).includes('"preferences"')) out.push('a public payload has a "preferences" field');
  // Receipts: in the list published at the close only, which names nobody.
  const receipts = s.voteRows.filter((v) => v.receipt);
  const people = new Set(s.voteRows.flatMap((v) => [v.voterUserId, v.seatId ?? '', v.id]).filter(Boolean));
  for (const e of s.entries) {
    const text = JSON.stringify(e.payload);
    const held = receipts.filter((v) => text.includes(v.receipt!));
    if (held.length === 0) continue;
    if (e.kind !== 'ballots.receipts') {
      out.push(`${e.kind} at seq ${e.seq} holds the receipt of ballot ${held[0]!.id}`);
      continue;
    }
    const keys = Object.keys(e.payload).filter((k) => !['number', 'stageIndex', 'part', 'parts', 'receipts', 'weights', 'withoutReceipt'].includes(k));
    if (keys.length > 0) out.push(`ballots.receipts at seq ${e.seq} has fields ${keys.join(',')}`);
    for (const id of people) if (text.includes(id)) out.push(`ballots.receipts at seq ${e.seq} names ${id} beside the receipts`);
    for (const v of held) if (!v.isCurrent) out.push(`ballots.receipts at seq ${e.seq} publishes the receipt of replaced ballot ${v.id}`);
  }
  return out;
}

// --- (h) seat elections follow their nominations --------------------------------------------

/**
 * From the public log alone: nominations happen only before the comment window closed; the
 * frozen candidates (or those elected unopposed) are exactly the nominees whose last answer
 * before the freeze was an acceptance — for a class seat, with the declaration — and a contest
 * has more candidates than seats, an unopposed election no more; every seat filled by an
 * election is one of its frozen seats, filled by someone it elected (the count's winners, or the
 * unopposed candidates), after it passed, never more than its seats.
 */
export function electionsFollowNominations(s: Snapshot): string[] {
  const out: string[] = [];
  for (const [subject, list] of groupBySubject(s)) {
    const number = payload<{ number?: number }>(list[0]!).number;
    const where = `#${number ?? '?'} (election)`;
    const closedAt = list.find((e) => e.kind === 'proposal.discussion_closed')?.seq ?? Infinity;
    const nominationsLog = list.filter((e) => e.kind.startsWith('nomination.'));
    for (const e of nominationsLog) if (e.seq > closedAt) out.push(`${where}: ${e.kind} at seq ${e.seq}, after the comment window closed`);
    const fix = list.find((e) => e.kind === 'election.candidates_frozen' || e.kind === 'election.unopposed');
    if (!fix) continue;
    const p = payload<{ seats: number; seatIds: string[]; seatClass: string; candidates: { userId: string }[] }>(fix);
    const last = new Map<string, StoredEntry>();
    for (const e of nominationsLog) if (e.seq < fix.seq) last.set(payload<{ nomineeUserId: string }>(e).nomineeUserId, e);
    const accepted = [...last].filter(([, e]) => e.kind === 'nomination.accepted').map(([u]) => u);
    const candidates = p.candidates.map((c) => c.userId);
    for (const u of candidates) {
      const e = last.get(u);
      if (e?.kind !== 'nomination.accepted') out.push(`${where}: candidate ${s.real.keyOf.get(u) ?? u} had not accepted a nomination`);
      else if (p.seatClass !== 'general' && typeof payload<{ declaration?: string }>(e).declaration !== 'string')
        out.push(`${where}: candidate ${s.real.keyOf.get(u) ?? u} accepted a ${p.seatClass} seat without the declaration`);
    }
    // An accepted nominee may be left out only if they could not take a seat when it froze (then the entry says why).
    const dropped = new Set((payload<{ dropped?: { userId: string }[] }>(fix).dropped ?? []).map((d) => d.userId));
    for (const u of accepted) if (!candidates.includes(u) && !dropped.has(u)) out.push(`${where}: ${s.real.keyOf.get(u) ?? u} accepted but is not a candidate`);
    if (fix.kind === 'election.candidates_frozen' && candidates.length <= p.seats) out.push(`${where}: a vote among ${candidates.length} for ${p.seats} seats`);
    if (fix.kind === 'election.unopposed' && candidates.length > p.seats) out.push(`${where}: ${candidates.length} elected unopposed to ${p.seats} seats`);
    // Who it may seat.
    const closed = list.find((e) => e.kind === 'voting.closed');
    const won =
      fix.kind === 'election.unopposed'
        ? candidates
        : (payload<{ tally: TallyResult }>(closed ?? fix).tally?.choice?.count?.result.elected ?? []).map((i) => candidates[i]!);
    const decided = list.find((e) => e.kind === 'proposal.decided');
    const filled = s.entries.filter(
      (e) =>
        e.kind === 'seat.filled' &&
        payload<{ elected?: boolean; proposalNumber?: number }>(e).elected === true &&
        payload<{ proposalNumber?: number }>(e).proposalNumber === number,
    );
    if (filled.length > p.seats) out.push(`${where}: ${filled.length} seats filled for ${p.seats} seats`);
    for (const e of filled) {
      const holder = payload<{ holderId: string }>(e).holderId;
      if (!decided || payload<{ outcome: string }>(decided).outcome !== 'passed' || e.seq < decided.seq)
        out.push(`${where}: a seat filled before the election passed`);
      if (!won.includes(holder)) out.push(`${where}: ${s.real.keyOf.get(holder) ?? holder} seated but not elected`);
      if (!p.seatIds.includes(e.subject!.slice(5))) out.push(`${where}: seated in a seat the election did not fill`);
    }
    void subject;
  }
  return out;
}

/**
 * A membership's weight and stakeholder group are what the public log's entries about them say
 * (1 and none without any), and every weight change is by a passed weight-change proposal naming
 * that member: no other path changes a weight.
 */
export function weightsOnlyByPassedProposals(s: Snapshot): string[] {
  const out: string[] = [];
  const weights = new Map<string, number>();
  const groups = new Map<string, string | null>();
  for (const e of s.entries) {
    if (e.kind === 'membership.weight_changed') {
      const p = payload<{ userId: string; to: number; proposalNumber: number }>(e);
      const proposal = s.proposalRows.find((r) => r.number === p.proposalNumber);
      if (!proposal || proposal.outcome !== 'passed' || proposal.typeKey !== 'weight_change' || proposal.subjectUserId !== p.userId)
        out.push(`weight of ${s.real.keyOf.get(p.userId) ?? p.userId} changed by #${p.proposalNumber}, which is not a passed weight change naming them`);
      weights.set(p.userId, p.to);
    }
    if (e.kind === 'membership.group_changed') groups.set(payload<{ userId: string }>(e).userId, payload<{ to: string | null }>(e).to);
    // A membership that ends takes its weight and group with it; a new one starts at 1 and none.
    if (e.kind === 'membership.removed' || e.kind === 'membership.left' || e.kind === 'membership.accepted') {
      const userId = payload<{ userId?: string }>(e).userId ?? e.actorId ?? '';
      weights.delete(userId);
      groups.delete(userId);
    }
  }
  for (const m of s.memberRows) {
    const who = s.real.keyOf.get(m.userId) ?? m.userId;
    if (m.weight !== (weights.get(m.userId) ?? 1)) out.push(`${who} has weight ${m.weight}; the public log says ${weights.get(m.userId) ?? 1}`);
    if (m.stakeholderGroup !== (groups.get(m.userId) ?? null))
      out.push(`${who} is in group ${m.stakeholderGroup ?? 'none'}; the public log says ${groups.get(m.userId) ?? 'none'}`);
  }
  return out;
}

export const invariants: Invariant[] = Object.entries({
  electionsFollowNominations,
  noEarlyVoting,
  tallyMatchesRecount,
  ballotsAsCast,
  everyChangeLogged,
  oneSeatPerPersonPerBody,
  noObserverBallot,
  noObserverSeatPower,
  noOpenChoiceRecoverable,
  secretBallotsStaySecret,
  bodiesCanReachFullStrength,
  logVerifies,
  emergencyRatification,
  emergencyLapses,
  weightsOnlyByPassedProposals,
}).map(([name, check]) => ({ name, check }));
