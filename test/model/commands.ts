/**
 * The commands of the model-based tests: one class per use case, each calling the PRODUCTION
 * path — the server action a form posts to (with a mocked session), or for the passing of time
 * the worker's `recordTransitions` — as a random actor with random arguments.
 *
 * The pattern, to add a command:
 *   1. `class Xyz extends Step` with the arguments as constructor fields and `label()` naming
 *      them (fast-check prints it in the counterexample).
 *   2. `check(m)`: the precondition from the model only (e.g. "a proposal exists"). Do not
 *      pre-judge what the rules allow — the action is called anyway, and a refusal is a valid
 *      outcome.
 *   3. `act(m, r)`: sign in, call the action, return its ActionState; on success, update the
 *      model with what should now be true (a seat's holder, a ballot's choice, …).
 *   4. Add an arbitrary for it to `commandArbitraries` (repeat it to weight it).
 * `Step.run` does the rest: a refusal must write nothing (row counts and seat holders of the
 * organization unchanged), then every invariant is checked (invariants.ts).
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { decisionLog, memberships, nominations, proposals, proposalRevisions, comments, recusals, seats, votes, proposalStages } from '@/db/schema';
import { getActiveCharter } from '@/db/queries/charters';
import { listOpenProposalIds } from '@/db/queries/proposals';
import type { ActionState } from '@/lib/actions/state';
import { initialActionState } from '@/lib/actions/state';
import type { Role } from '@/lib/governance/roles';
import type { BallotChoice, Charter } from '@/lib/governance/types';
import { recordTransitions } from '@/lib/use-cases/transitions';
import { changeMemberRoleAction, setStakeholderGroupAction } from '@/app/o/[slug]/members/actions';
import * as proposalActions from '@/app/o/[slug]/proposals/actions';
import { appointFoundingHolderAction, resignSeatAction } from '@/app/o/[slug]/seats/actions';
import { form, signInAs } from '../integration/helpers';
import { testClock } from './clock';
import { checkInvariants, enforcement, report } from './check';
import { userKeys } from './model';
import type { Model, ModelBallot, ModelProposal, Real, UserKey } from './model';

const HOUR = 3_600_000;
const BODY = 'A proposal text long enough for the rules to accept it.';

function signIn(r: Real, who: UserKey): void {
  signInAs({ id: r.ids[who], email: `${who}@model.example.org`, name: who });
}

/** Runs an action that may end in redirect(): a redirect is success. */
async function settle(run: () => Promise<ActionState>): Promise<ActionState> {
  try {
    return await run();
  } catch (error) {
    const digest = (error as { digest?: string }).digest;
    if (typeof digest === 'string' && digest.startsWith('NEXT_REDIRECT')) return { ok: true, message: 'redirected' };
    throw error;
  }
}

/** What a refusal must leave untouched: the organization's rows and seat holders. */
async function fingerprint(r: Real): Promise<string> {
  const { db, orgId } = r;
  const inOrg = sql`(select id from proposals where org_id = ${orgId})`;
  const [row] = await db
    .select({
      log: sql<number>`(select count(*) from ${decisionLog} where org_id = ${orgId})`.mapWith(Number),
      proposals: sql<string>`(select count(*) || ':' || coalesce(string_agg(status::text || coalesce(extract(epoch from updated_at)::text, ''), ',' order by number), '') from ${proposals} where org_id = ${orgId})`,
      revisions: sql<number>`(select count(*) from ${proposalRevisions} where proposal_id in ${inOrg})`.mapWith(Number),
      stages: sql<string>`(select coalesce(string_agg(coalesce(extract(epoch from opens_at)::text, '-') || coalesce(extract(epoch from closed_recorded_at)::text, '-'), ',' order by proposal_id, stage_index), '') from ${proposalStages} where proposal_id in ${inOrg})`,
      votes: sql<string>`(select count(*) || ':' || count(*) filter (where is_current) from ${votes} where proposal_id in ${inOrg})`,
      comments: sql<number>`(select count(*) from ${comments} where org_id = ${orgId})`.mapWith(Number),
      recusals: sql<number>`(select count(*) from ${recusals} where proposal_id in ${inOrg})`.mapWith(Number),
      nominations: sql<string>`(select count(*) || ':' || coalesce(string_agg(status::text, ',' order by nominee_user_id, proposal_id), '') from ${nominations} where proposal_id in ${inOrg})`,
      seats: sql<string>`(select coalesce(string_agg(coalesce(holder_user_id, '-') || coalesce(extract(epoch from retired_at)::text, ''), ',' order by body_key, position), '') from ${seats} where org_id = ${orgId})`,
      roles: sql<string>`(select coalesce(string_agg(user_id || role::text, ',' order by user_id), '') from ${memberships} where org_id = ${orgId})`,
    })
    .from(sql`(select 1) as one`);
  return JSON.stringify(row);
}

/** One command: precondition, production call, refusal-writes-nothing, invariants. */
export abstract class Step implements fc.AsyncCommand<Model, Real> {
  abstract label(): string;
  protected abstract act(m: Model, r: Real): Promise<ActionState>;
  /** The precondition, from the model only; subclasses narrow it. */
  check(_m: Readonly<Model>): boolean {
    void _m;
    return true;
  }
  async run(m: Model, r: Real): Promise<void> {
    const before = await fingerprint(r);
    const state = await this.act(m, r);
    const tally =
      enforcement.outcomes.get(this.constructor.name) ?? enforcement.outcomes.set(this.constructor.name, { ok: 0, refused: 0 }).get(this.constructor.name)!;
    tally[state.ok ? 'ok' : 'refused']++;
    if (process.env.QUORATE_MODEL_DEBUG && !state.ok) {
      const k = `${this.constructor.name}: ${(state.message ?? '').replace(/[0-9a-f-]{36}|\d{4}-\d\d-\d\d[^ ]*|\d+/g, '…').slice(0, 90)}`;
      const t = enforcement.outcomes.get(k) ?? enforcement.outcomes.set(k, { ok: 0, refused: 0 }).get(k)!;
      t.refused++;
    }
    m.trace.push(`${this.label()} → ${state.ok ? 'ok' : `refused: ${state.message ?? JSON.stringify(state.fieldErrors)}`}`);
    if (!state.ok) {
      const after = await fingerprint(r);
      if (after !== before) report(m, 'refusalWritesNothing', [`${this.label()} was refused ("${state.message}") but changed the organization's rows`]);
    }
    await checkInvariants(m, r);
  }
  toString(): string {
    return this.label();
  }
}

const pick = <T>(list: readonly T[], i: number): T | undefined => (list.length ? list[i % list.length] : undefined);
const proposalAt = (m: Model, i: number) => pick(m.proposals, i)!;

// --- time -------------------------------------------------------------------------------------

/** Time passes; the worker records what it made true (for this organization's open proposals). */
export class AdvanceClock extends Step {
  constructor(readonly hours: number) {
    super();
  }
  label() {
    return `advance ${this.hours}h`;
  }
  async act(m: Model, r: Real): Promise<ActionState> {
    m.now += this.hours * HOUR;
    testClock.ms = m.now;
    const at = new Date(m.now);
    // runTransitions(db, at) restricted to this organization: other sequences' organizations share the database.
    for (const { id, orgId } of await listOpenProposalIds(r.db)) if (orgId === r.orgId) await recordTransitions(r.db, id, orgId, at);
    m.lastTransitionsAt = m.now;
    await followWorkerEffects(m, r);
    return { ok: true };
  }
}

/** Seat changes the worker made by passed proposals, as its log entries declare them. */
async function followWorkerEffects(m: Model, r: Real): Promise<void> {
  const entries = await r.db
    .select()
    .from(decisionLog)
    .where(and(eq(decisionLog.orgId, r.orgId), sql`${decisionLog.seq} > ${m.logSeen}`))
    .orderBy(decisionLog.seq);
  for (const e of entries) {
    const p = e.payload as { holderId?: string; seatsAdded?: { bodyKey: string; count: number }[]; seatsRetired?: string[] };
    const seat = e.subject?.startsWith('seat:') ? m.seats.find((s) => s.id === e.subject!.slice(5)) : undefined;
    if (e.kind === 'seat.filled' && seat) seat.holder = r.keyOf.get(p.holderId ?? '') ?? null;
    if (e.kind === 'seat.vacated' && seat) seat.holder = null;
    const proposal = m.proposals.find((x) => `proposal:${x.id}` === e.subject);
    if (proposal && e.kind === 'voting.opened') proposal.votingOpen = true;
    if (proposal && e.kind === 'voting.closed') proposal.votingOpen = false;
    if (e.kind === 'charter.amended') {
      m.seats = m.seats.filter((s) => !(p.seatsRetired ?? []).includes(s.id));
      for (const add of p.seatsAdded ?? []) {
        const fresh = (
          await r.db
            .select()
            .from(seats)
            .where(and(eq(seats.orgId, r.orgId), eq(seats.bodyKey, add.bodyKey), sql`${seats.retiredAt} is null`))
            .orderBy(seats.position)
        ).filter((row) => !m.seats.some((s) => s.id === row.id));
        for (const row of fresh.slice(0, add.count)) m.seats.push({ id: row.id, bodyKey: row.bodyKey, position: row.position, holder: null });
      }
    }
    m.logSeen = e.seq;
  }
}

// --- proposals --------------------------------------------------------------------------------

export type DraftKind = 'resolution' | 'assembly' | 'appointment' | 'removal' | 'amendment' | 'emergency' | 'ratification' | 'choice' | 'election' | 'weight';

/** The options of every model choice (board_choice: 2 of these 4 win). */
export const CHOICE_OPTIONS = ['Hall', 'Park', 'Online', 'Library'];

/** A draft by `actor`; with `publish`, the author publishes it at once (two actions in one step, so sequences reach votes). */
export class CreateDraft extends Step {
  constructor(
    readonly actor: UserKey,
    readonly kind: DraftKind,
    readonly i: number,
    readonly who: UserKey,
    readonly publish = false,
  ) {
    super();
  }
  label() {
    return `${this.actor} drafts ${this.kind}(${this.i}, ${this.who})${this.publish ? ' and publishes it' : ''}`;
  }
  async act(m: Model, r: Real): Promise<ActionState> {
    const fields: Record<string, string> = { orgId: r.orgId, title: `${this.kind} ${m.proposals.length + 1}`, body: BODY };
    const vacant = m.seats.filter((s) => !s.holder);
    const held = m.seats.filter((s) => s.holder);
    switch (this.kind) {
      case 'resolution':
        fields.typeKey = 'resolution';
        break;
      case 'assembly':
        fields.typeKey = 'assembly_resolution';
        break;
      case 'emergency':
        fields.typeKey = 'emergency_resolution';
        fields.emergency = 'on';
        break;
      case 'appointment': {
        fields.typeKey = 'seat_appointment';
        fields.seatId = pick(vacant.length ? vacant : m.seats, this.i)!.id;
        fields.appointeeUserId = r.ids[this.who];
        break;
      }
      case 'removal': {
        fields.typeKey = 'seat_removal';
        const seat = pick(held.length ? held : m.seats, this.i)!;
        fields.seatId = seat.id;
        fields.subjectUserId = r.ids[seat.holder ?? this.who];
        break;
      }
      case 'amendment':
        fields.typeKey = 'charter_amendment';
        fields.proposedCharter = JSON.stringify(amended((await getActiveCharter(r.db, r.orgId))!.document, this.i % 4));
        break;
      case 'choice':
        fields.typeKey = 'board_choice';
        // Now and then too few options: a refusal that must write nothing.
        fields.options = (this.i % 5 === 4 ? CHOICE_OPTIONS.slice(0, 1) : CHOICE_OPTIONS).join('\n');
        break;
      case 'election':
        // Mostly the assembly's vacant seat (the board fills it); now and then the board's general seats, or its
        // independent seat (a class seat: accepting needs the declaration) — vacant only after a resignation.
        fields.typeKey = 'board_election';
        fields.electionSeats = ['assembly:general', 'assembly:general', 'assembly:general', 'board:general', 'board:independent'][this.i % 5]!;
        break;
      case 'weight':
        // Now and then an invalid weight (a refusal that must write nothing), or the weight they have.
        fields.typeKey = 'weight_change';
        fields.subjectUserId = r.ids[this.who];
        fields.newWeight = ['3', '0', '12', '-1', '1'][this.i % 5]!;
        break;
      case 'ratification': {
        fields.typeKey = 'resolution';
        const emergencies = m.proposals.filter((p) => p.typeKey === 'emergency_resolution');
        const target = pick(emergencies.length ? emergencies : m.proposals, this.i);
        if (target) fields.ratifiesProposalId = target.id;
        break;
      }
    }
    signIn(r, this.actor);
    const state = await settle(() => proposalActions.createProposalAction(initialActionState, form(fields)));
    if (state.ok) {
      const [row] = await r.db.select().from(proposals).where(eq(proposals.orgId, r.orgId)).orderBy(desc(proposals.number)).limit(1);
      const created: ModelProposal = {
        id: row!.id,
        number: row!.number,
        typeKey: row!.typeKey,
        author: this.actor,
        publishedAt: null,
        status: 'draft',
        votingOpen: false,
        emergency: this.kind === 'emergency',
      };
      m.proposals.push(created);
      if (this.publish) {
        const published = await proposalActions.publishProposalAction(
          initialActionState,
          form({ orgId: r.orgId, proposalId: created.id, confirmFoundingClose: 'yes' }),
        );
        if (published.ok) Object.assign(created, { publishedAt: m.now, status: 'published' });
        return published;
      }
    }
    return state;
  }
}

/** Amendments: 0 adds an assembly seat, 1 removes one, 2 changes only a deadline, 3 is invalid (a non-critical removal). */
function amended(current: Charter, variant: number): Charter {
  const next = structuredClone(current);
  const assembly = next.bodies.find((b) => b.key === 'assembly')!;
  if (variant === 0) assembly.charterSeats += 1;
  if (variant === 1) assembly.charterSeats = Math.max(1, assembly.charterSeats - 1);
  if (variant === 1) assembly.minSeatsForCriticalDecisions = Math.min(assembly.minSeatsForCriticalDecisions, assembly.charterSeats);
  if (variant === 2) next.bodies.find((b) => b.key === 'board')!.vacancyDeadlineDays += 1;
  if (variant === 3) next.proposalTypes.find((t) => t.effect === 'seat_removal')!.critical = false;
  return next;
}

/**
 * A command about one proposal: `i` picks among the proposals this command is most likely to
 * matter for (drafts to publish, published ones to vote on), falling back to any proposal, so that
 * sequences reach votes and closes; refusals on the others are still exercised.
 */
abstract class ProposalStep extends Step {
  constructor(
    readonly actor: UserKey | 'author',
    readonly i: number,
  ) {
    super();
  }
  check(m: Readonly<Model>) {
    return m.proposals.length > 0;
  }
  protected prefer(p: Model['proposals'][number], _m: Readonly<Model>): boolean {
    void _m;
    return p.status === 'published';
  }
  /** The number of the proposal `i` resolved to in the last run, shown in the trace. */
  protected resolved: number | null = null;
  protected target(m: Model) {
    const preferred = m.proposals.filter((p) => this.prefer(p, m));
    const target = this.i % 5 === 4 || preferred.length === 0 ? proposalAt(m, this.i) : pick(preferred, this.i)!;
    this.resolved = target.number;
    return target;
  }
  protected p(): string {
    return `p${this.i}${this.resolved === null ? '' : ` (#${this.resolved})`}`;
  }
  /** Who acts: the named person, or the target's author. */
  protected who(m: Model): UserKey {
    return this.actor === 'author' ? this.target(m).author : this.actor;
  }
  protected ref(m: Model, r: Real): Record<string, string> {
    return { orgId: r.orgId, proposalId: this.target(m).id };
  }
}

/** `actor: 'author'` acts as the target's author. */
export class Publish extends ProposalStep {
  protected prefer(p: Model['proposals'][number]) {
    return p.status === 'draft';
  }
  label() {
    return `${this.actor} publishes ${this.p()}`;
  }
  async act(m: Model, r: Real) {
    const target = this.target(m);
    signIn(r, this.who(m));
    // Ticked as a person would when asked: the first publication closes founding appointments.
    const state = await proposalActions.publishProposalAction(initialActionState, form({ ...this.ref(m, r), confirmFoundingClose: 'yes' }));
    if (state.ok) Object.assign(target, { publishedAt: m.now, status: 'published' });
    return state;
  }
}

export class Revise extends ProposalStep {
  constructor(
    actor: UserKey | 'author',
    i: number,
    readonly substantive: boolean,
  ) {
    super(actor, i);
  }
  label() {
    return `${this.actor} revises ${this.p()}${this.substantive ? ' (substantive)' : ''}`;
  }
  async act(m: Model, r: Real) {
    signIn(r, this.who(m));
    return proposalActions.reviseProposalAction(
      initialActionState,
      form({ ...this.ref(m, r), title: `Revised at ${m.now}`, body: `${BODY} Revised.`, changeNote: 'Clarified.', substantive: String(this.substantive) }),
    );
  }
}

export class Withdraw extends ProposalStep {
  label() {
    return `${this.actor} withdraws ${this.p()}`;
  }
  async act(m: Model, r: Real) {
    const target = this.target(m);
    signIn(r, this.who(m));
    const state = await proposalActions.withdrawProposalAction(initialActionState, form({ ...this.ref(m, r), reason: 'No longer needed.' }));
    if (state.ok) target.status = 'withdrawn';
    return state;
  }
}

export class Comment extends ProposalStep {
  constructor(
    actor: UserKey,
    i: number,
    readonly asReply: boolean,
  ) {
    super(actor, i);
  }
  label() {
    return `${this.actor} ${this.asReply ? 'replies to' : 'comments on'} ${this.p()}`;
  }
  async act(m: Model, r: Real) {
    signIn(r, this.who(m));
    return proposalActions.postCommentAction(
      initialActionState,
      form({ ...this.ref(m, r), body: 'A point for the record.', stance: 'concern', asReply: String(this.asReply) }),
    );
  }
}

export class OpenVoting extends ProposalStep {
  label() {
    return `${this.actor} opens voting on ${this.p()}`;
  }
  async act(m: Model, r: Real) {
    signIn(r, this.who(m));
    const state = await proposalActions.openVotingAction(initialActionState, form(this.ref(m, r)));
    if (state.ok) this.target(m).votingOpen = true;
    return state;
  }
}

export class CastBallot extends ProposalStep {
  protected prefer(p: Model['proposals'][number]) {
    return p.status === 'published' && p.votingOpen;
  }
  /** `whenOpen`: only while some vote is open (most ballots should meet an open box; the rest test the refusals). */
  constructor(
    actor: UserKey,
    i: number,
    readonly choice: BallotChoice,
    readonly whenOpen = false,
  ) {
    super(actor, i);
  }
  check(m: Readonly<Model>) {
    return this.whenOpen ? m.proposals.some((p) => p.votingOpen && p.status === 'published') : m.proposals.length > 0;
  }
  label() {
    return `${this.actor} votes ${this.choice} on ${this.p()}${this.whenOpen ? ' (while a vote is open)' : ''}`;
  }
  async act(m: Model, r: Real) {
    signIn(r, this.who(m));
    const target = this.target(m);
    const state = await proposalActions.castBallotAction(initialActionState, form({ ...this.ref(m, r), choice: this.choice }));
    if (state.ok) await rememberBallot(m, r, target.id, this.who(m), { choice: this.choice });
    return state;
  }
}

/** Records in the model the voter's current ballot as stored, with what they chose. */
async function rememberBallot(m: Model, r: Real, proposalId: string, voter: UserKey, chose: Pick<ModelBallot, 'choice' | 'preferences'>): Promise<void> {
  const [v] = await r.db
    .select()
    .from(votes)
    .where(and(eq(votes.proposalId, proposalId), eq(votes.voterUserId, r.ids[voter]), eq(votes.isCurrent, true)))
    .orderBy(desc(votes.castAt))
    .limit(1);
  if (v) m.ballots.set(v.id, { proposalId, stageIndex: v.stageIndex, seatId: v.seatId!, voter, ...chose, castAt: m.now });
}

/** A secret ballot on a choice: `preferences` as the ranked ballot's script posts them (sometimes malformed, to meet the refusals). */
export class CastChoiceBallot extends ProposalStep {
  protected prefer(p: Model['proposals'][number]) {
    return p.status === 'published' && p.votingOpen && (p.typeKey === 'board_choice' || p.typeKey === 'board_election');
  }
  constructor(
    actor: UserKey,
    i: number,
    readonly preferences: number[],
  ) {
    super(actor, i);
  }
  label() {
    return `${this.actor} ranks ${this.preferences.join('>') || 'nothing'} on ${this.p()}`;
  }
  async act(m: Model, r: Real) {
    signIn(r, this.who(m));
    const target = this.target(m);
    const state = await proposalActions.castChoiceBallotAction(initialActionState, form({ ...this.ref(m, r), preferences: this.preferences.join(',') }));
    if (state.ok) await rememberBallot(m, r, target.id, this.who(m), { choice: 'secret', preferences: this.preferences });
    return state;
  }
}

/** Seat elections: `actor` nominates `who` (themselves included) on the election `i` resolves to. */
/** An election still in its comment window (the model's 96 hours), where nominations are made and answered. */
const nominating = (p: Model['proposals'][number], m: Readonly<Model>) =>
  p.status === 'published' && p.typeKey === 'board_election' && p.publishedAt !== null && m.now < p.publishedAt + 96 * HOUR;

export class Nominate extends ProposalStep {
  protected prefer(p: Model['proposals'][number], m: Readonly<Model>) {
    return nominating(p, m);
  }
  constructor(
    actor: UserKey,
    i: number,
    readonly nominee: UserKey,
  ) {
    super(actor, i);
  }
  label() {
    return `${this.actor} nominates ${this.nominee} on ${this.p()}`;
  }
  async act(m: Model, r: Real) {
    signIn(r, this.who(m));
    return proposalActions.nominateCandidateAction(initialActionState, form({ ...this.ref(m, r), nomineeUserId: r.ids[this.nominee] }));
  }
}

/** The nominee answers their own nomination: accept (with or without the class declaration ticked), decline or withdraw. */
export class AnswerNomination extends ProposalStep {
  protected prefer(p: Model['proposals'][number], m: Readonly<Model>) {
    return nominating(p, m);
  }
  constructor(
    actor: UserKey,
    i: number,
    readonly answer: 'accept' | 'decline' | 'withdraw',
    readonly declare: boolean,
    readonly fromNominees = false,
  ) {
    super(actor, i);
  }
  label() {
    return `${this.fromNominees ? 'a nominee' : this.actor} ${this.answer}s${this.declare ? ' (declaring)' : ''} on ${this.p()}`;
  }
  async act(m: Model, r: Real) {
    // fromNominees: whoever holds a nomination on the target answers (so sequences reach answers), else the named person.
    const target = this.target(m);
    const nominees = this.fromNominees
      ? (await r.db.select({ userId: nominations.nomineeUserId }).from(nominations).where(eq(nominations.proposalId, target.id))).map((n) =>
          r.keyOf.get(n.userId),
        )
      : [];
    signIn(
      r,
      pick(
        nominees.filter((k): k is UserKey => k !== undefined),
        this.i,
      ) ?? this.who(m),
    );
    return proposalActions.answerNominationAction(
      initialActionState,
      form({ ...this.ref(m, r), answer: this.answer, ...(this.declare ? { declarationConfirmed: 'yes' } : {}) }),
    );
  }
}

export class Recuse extends ProposalStep {
  label() {
    return `${this.actor} recuses on ${this.p()}`;
  }
  async act(m: Model, r: Real) {
    signIn(r, this.who(m));
    return proposalActions.declareRecusalAction(initialActionState, form({ ...this.ref(m, r), reason: 'A declared conflict of interest.' }));
  }
}

export class BackEmergency extends ProposalStep {
  protected prefer(p: Model['proposals'][number]) {
    return p.status === 'published' && p.emergency;
  }
  label() {
    return `${this.actor} backs the emergency motion on ${this.p()}`;
  }
  async act(m: Model, r: Real) {
    signIn(r, this.who(m));
    return proposalActions.backEmergencyMotionAction(initialActionState, form(this.ref(m, r)));
  }
}

// --- seats and roles --------------------------------------------------------------------------

export class Resign extends Step {
  constructor(
    readonly actor: UserKey,
    readonly i: number,
    readonly own: boolean,
  ) {
    super();
  }
  label() {
    return `${this.actor} resigns ${this.own ? 'own ' : ''}seat ${this.i}`;
  }
  async act(m: Model, r: Real) {
    const mine = m.seats.filter((s) => s.holder === this.actor);
    const seat = pick(this.own && mine.length ? mine : m.seats, this.i)!;
    signIn(r, this.actor);
    const state = await resignSeatAction(initialActionState, form({ orgId: r.orgId, seatId: seat.id }));
    if (state.ok) seat.holder = null;
    return state;
  }
}

export class FoundingAppoint extends Step {
  constructor(
    readonly actor: UserKey,
    readonly i: number,
    readonly who: UserKey,
  ) {
    super();
  }
  label() {
    return `${this.actor} founding-appoints ${this.who} to seat ${this.i}`;
  }
  async act(m: Model, r: Real) {
    const vacant = m.seats.filter((s) => !s.holder);
    const seat = pick(vacant.length ? vacant : m.seats, this.i)!;
    signIn(r, this.actor);
    const state = await appointFoundingHolderAction(initialActionState, form({ orgId: r.orgId, seatId: seat.id, userId: r.ids[this.who] }));
    if (state.ok) seat.holder = this.who;
    return state;
  }
}

export class ChangeRole extends Step {
  constructor(
    readonly actor: UserKey,
    readonly who: UserKey,
    readonly role: Role,
  ) {
    super();
  }
  label() {
    return `${this.actor} makes ${this.who} ${this.role}`;
  }
  async act(m: Model, r: Real) {
    const [membership] = await r.db
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.orgId, r.orgId), eq(memberships.userId, r.ids[this.who])));
    if (!membership) return { ok: false, message: 'not a member (no call made)' };
    signIn(r, this.actor);
    const state = await changeMemberRoleAction(initialActionState, form({ orgId: r.orgId, membershipId: membership.id, role: this.role }));
    if (state.ok) {
      m.roles[this.who] = this.role;
      m.roleHistory.push({ user: this.who, role: this.role, from: m.now });
    }
    return state;
  }
}

/**
 * Someone sets (or clears) a member's stakeholder group, with a forged weight field: only an
 * admin may set the group, and no form changes a weight (weightsOnlyByPassedProposals).
 */
export class SetGroup extends Step {
  constructor(
    readonly actor: UserKey,
    readonly who: UserKey,
    readonly group: string,
  ) {
    super();
  }
  label() {
    return `${this.actor} puts ${this.who} in group "${this.group}" (with a forged weight)`;
  }
  async act(_m: Model, r: Real) {
    const [membership] = await r.db
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.orgId, r.orgId), eq(memberships.userId, r.ids[this.who])));
    if (!membership) return { ok: false, message: 'not a member (no call made)' };
    signIn(r, this.actor);
    return setStakeholderGroupAction(
      initialActionState,
      form({ orgId: r.orgId, membershipId: membership.id, group: this.group, weight: '99', newWeight: '99' }),
    );
  }
}

// --- arbitraries ------------------------------------------------------------------------------

const actor = fc.constantFrom(...userKeys);
/** Seat holders and officers act more often than the outsider: more sequences get somewhere. */
const likelyActor = fc.oneof({ weight: 4, arbitrary: fc.constantFrom<UserKey>('admin', 'm1', 'm2', 'm3', 'm4', 'observer') }, { weight: 1, arbitrary: actor });
const index = fc.nat({ max: 7 });
/** Mostly the target's author (publish, revise, withdraw are the author's), sometimes anyone. */
const authorOrAnyone = fc.oneof({ weight: 3, arbitrary: fc.constant<'author'>('author') }, { weight: 1, arbitrary: likelyActor });

export const commandArbitraries: fc.Arbitrary<fc.AsyncCommand<Model, Real>>[] = [
  fc.constantFrom(1, 6, 13, 25, 49, 73).map((h) => new AdvanceClock(h)),
  fc.constantFrom(13, 25, 25, 49).map((h) => new AdvanceClock(h)),
  fc.constantFrom(13, 25, 25, 49).map((h) => new AdvanceClock(h)),
  fc.constantFrom(13, 25, 25, 49).map((h) => new AdvanceClock(h)),
  fc
    .tuple(likelyActor, fc.constantFrom<DraftKind>('resolution', 'assembly', 'appointment', 'removal', 'amendment', 'emergency', 'ratification'), index, actor)
    .map(([a, k, i, w]) => new CreateDraft(a, k, i, w)),
  fc
    .tuple(
      likelyActor,
      fc.constantFrom<DraftKind>('resolution', 'assembly', 'appointment', 'removal', 'amendment', 'emergency', 'ratification', 'choice'),
      index,
      actor,
    )
    .map(([a, k, i, w]) => new CreateDraft(a, k, i, w, true)),
  fc
    .tuple(
      likelyActor,
      fc.constantFrom<DraftKind>('resolution', 'assembly', 'appointment', 'removal', 'amendment', 'emergency', 'ratification', 'choice'),
      index,
      actor,
    )
    .map(([a, k, i, w]) => new CreateDraft(a, k, i, w, true)),
  fc.tuple(authorOrAnyone, index).map(([a, i]) => new Publish(a, i)),
  fc.tuple(authorOrAnyone, index).map(([a, i]) => new Publish(a, i)),
  fc.tuple(authorOrAnyone, index, fc.boolean()).map(([a, i, s]) => new Revise(a, i, s)),
  fc.tuple(authorOrAnyone, index).map(([a, i]) => new Withdraw(a, i)),
  fc.tuple(actor, index, fc.boolean()).map(([a, i, reply]) => new Comment(a, i, reply)),
  fc.tuple(fc.constantFrom<UserKey>('secretary', 'admin', 'm1', 'observer'), index).map(([a, i]) => new OpenVoting(a, i)),
  fc.tuple(likelyActor, index, fc.constantFrom<BallotChoice>('yes', 'no', 'abstain')).map(([a, i, c]) => new CastBallot(a, i, c)),
  fc.tuple(likelyActor, index, fc.constantFrom<BallotChoice>('yes', 'yes', 'no', 'abstain')).map(([a, i, c]) => new CastBallot(a, i, c, true)),
  fc.tuple(likelyActor, index, fc.constantFrom<BallotChoice>('yes', 'no')).map(([a, i, c]) => new CastBallot(a, i, c, true)),
  fc.tuple(likelyActor, index, fc.constantFrom<BallotChoice>('yes', 'no')).map(([a, i, c]) => new CastBallot(a, i, c, true)),
  // Choices among options, published at once, so sequences reach their secret ballots and counts.
  fc.tuple(likelyActor, index, actor).map(([a, i, w]) => new CreateDraft(a, 'choice', i, w, true)),
  // Rankings of the 4 options, partial or whole; an unknown option (4) or a repeat now and then.
  fc
    .tuple(
      likelyActor,
      index,
      fc.oneof(
        { weight: 6, arbitrary: fc.uniqueArray(fc.nat(3), { minLength: 1, maxLength: 4 }) },
        { weight: 1, arbitrary: fc.array(fc.nat(4), { maxLength: 3 }) },
      ),
    )
    .map(([a, i, prefs]) => new CastChoiceBallot(a, i, prefs)),
  fc.tuple(likelyActor, index, fc.uniqueArray(fc.nat(3), { minLength: 1, maxLength: 4 })).map(([a, i, prefs]) => new CastChoiceBallot(a, i, prefs)),
  fc.tuple(likelyActor, index, fc.uniqueArray(fc.nat(3), { minLength: 1, maxLength: 4 })).map(([a, i, prefs]) => new CastChoiceBallot(a, i, prefs)),
  // Seat elections, published at once; nominations and answers by anyone (refusals are valid outcomes).
  fc.tuple(likelyActor, index, actor).map(([a, i, w]) => new CreateDraft(a, 'election', i, w, true)),
  fc.tuple(fc.constantFrom<UserKey>('m1', 'm3', 'admin'), index, actor).map(([a, i, w]) => new CreateDraft(a, 'election', i, w, true)),
  fc.tuple(fc.constantFrom<UserKey>('m1', 'm3', 'admin'), index, actor).map(([a, i, w]) => new CreateDraft(a, 'election', i, w, true)),
  fc.tuple(likelyActor, index, actor).map(([a, i, w]) => new Nominate(a, i, w)),
  fc.tuple(likelyActor, index, actor).map(([a, i, w]) => new Nominate(a, i, w)),
  fc.tuple(likelyActor, index, actor).map(([a, i, w]) => new Nominate(a, i, w)),
  fc
    .tuple(actor, index, fc.constantFrom<'accept' | 'decline' | 'withdraw'>('accept', 'accept', 'accept', 'decline', 'withdraw'), fc.boolean())
    .map(([a, i, ans, d]) => new AnswerNomination(a, i, ans, d, true)),
  fc
    .tuple(actor, index, fc.constantFrom<'accept' | 'decline' | 'withdraw'>('accept', 'accept', 'accept', 'decline', 'withdraw'), fc.boolean())
    .map(([a, i, ans, d]) => new AnswerNomination(a, i, ans, d, true)),
  fc
    .tuple(actor, index, fc.constantFrom<'accept' | 'decline' | 'withdraw'>('accept', 'accept', 'decline'), fc.boolean())
    .map(([a, i, ans, d]) => new AnswerNomination(a, i, ans, d)),
  fc.tuple(likelyActor, index).map(([a, i]) => new Recuse(a, i)),
  fc.tuple(likelyActor, index).map(([a, i]) => new BackEmergency(a, i)),
  fc.tuple(likelyActor, index, fc.boolean()).map(([a, i, own]) => new Resign(a, i, own)),
  fc.tuple(fc.constantFrom<UserKey>('admin', 'admin', 'secretary', 'm1'), index, actor).map(([a, i, w]) => new FoundingAppoint(a, i, w)),
  fc
    .tuple(
      fc.constantFrom<UserKey>('admin', 'secretary', 'm1'),
      fc.constantFrom<UserKey>('m1', 'm2', 'm3', 'm4', 'observer', 'secretary'),
      fc.constantFrom<Role>('member', 'observer'),
    )
    .map(([a, w, role]) => new ChangeRole(a, w, role)),
  // Weight changes, published at once (only passing changes a weight); group changes with a forged weight.
  fc.tuple(likelyActor, index, actor).map(([a, i, w]) => new CreateDraft(a, 'weight', i, w, true)),
  fc
    .tuple(fc.constantFrom<UserKey>('admin', 'admin', 'secretary', 'm1'), actor, fc.constantFrom('residents', 'employees', '', 'bad!'))
    .map(([a, w, g]) => new SetGroup(a, w, g)),
];
