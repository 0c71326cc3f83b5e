/**
 * Unanimous written consent in lieu of a meeting (charter `writtenConsent`): a seat holder (or an
 * admin) of a body opens a resolution; every person holding a seat of the body when it opens must
 * sign it. The signer set is frozen at opening: nobody joins it later, and a vacant seat never
 * counts as a signature. It takes effect at the last signature; until then any signer may revoke;
 * after adoption nothing can be revoked. It expires unsigned after the charter's period, and it
 * lapses if a signer leaves the body first: unanimity is never satisfied by fewer people than the
 * frozen set. Pure: no I/O, the time `now` is a parameter.
 *
 * Not to be confused with consent.ts, the sociocratic consent decision method (objections).
 *
 * The lesson: a board removed its chief executive in a meeting of a few directors. Written consent
 * is the other way boards decide, and here it is either everyone, by name, on the record, or nothing.
 */
import { refused } from './refusal';
import { codeParam } from './refusal-facts';
import { hasRole } from './roles';
import type { Role } from './roles';
import type { BodySpec, Charter, RuleResult, WrittenConsentSpec } from './types';

const DAY_MS = 86_400_000;

/** For charters stored before the setting existed: two weeks to collect every signature. */
export const defaultWrittenConsentSpec: WrittenConsentSpec = { expiresAfterDays: 14 };

export function writtenConsentSpecOf(charter: Charter): WrittenConsentSpec {
  return charter.writtenConsent ?? defaultWrittenConsentSpec;
}

/** A written consent as the rules read it (the database's facts). */
export type WrittenConsentRecord = {
  openedAt: Date;
  expiresAt: Date;
  /** The frozen signer set: the body's seat holders when it opened (user ids). */
  signers: readonly string[];
  /** Signers with a live (unrevoked) signature now. */
  signed: readonly string[];
  adoptedAt: Date | null;
  withdrawnAt: Date | null;
  /** When the lapse was recorded (a signer left the body before adoption). */
  lapsedAt: Date | null;
  /** Frozen signers who no longer hold a seat of the body now (not yet recorded as a lapse). */
  departed: readonly string[];
};

export type WrittenConsentPhase =
  | { kind: 'open'; expiresAt: Date }
  | { kind: 'adopted'; at: Date }
  | { kind: 'withdrawn'; at: Date }
  /** A frozen signer left the body before adoption: it can never be unanimous. */
  | { kind: 'lapsed'; at: Date | null }
  | { kind: 'expired'; at: Date };

/** When an opened consent expires. */
export function writtenConsentExpiresAt(openedAt: Date, expiresAfterDays: number): Date {
  return new Date(openedAt.getTime() + expiresAfterDays * DAY_MS);
}

/** Unanimity: a non-empty frozen set, every member of which has a live signature. */
export function isUnanimous(signers: readonly string[], signed: readonly string[]): boolean {
  const live = new Set(signed);
  return signers.length > 0 && signers.every((s) => live.has(s));
}

/** Signers still to sign, in the frozen order. */
export function awaitingSignatures(r: Pick<WrittenConsentRecord, 'signers' | 'signed'>): string[] {
  const live = new Set(r.signed);
  return r.signers.filter((s) => !live.has(s));
}

/**
 * The consent's phase. Adoption is final; a recorded withdrawal or lapse is final; otherwise it
 * expires at `expiresAt` (the instant itself included), and a signer's departure lapses it.
 */
export function writtenConsentPhase(r: WrittenConsentRecord, now: Date): WrittenConsentPhase {
  if (r.adoptedAt) return { kind: 'adopted', at: r.adoptedAt };
  if (r.withdrawnAt) return { kind: 'withdrawn', at: r.withdrawnAt };
  if (r.lapsedAt) return { kind: 'lapsed', at: r.lapsedAt };
  if (now.getTime() >= r.expiresAt.getTime()) return { kind: 'expired', at: r.expiresAt };
  if (r.departed.length > 0) return { kind: 'lapsed', at: null };
  return { kind: 'open', expiresAt: r.expiresAt };
}

export function writtenConsentPhaseWords(phase: WrittenConsentPhase): string {
  switch (phase.kind) {
    case 'open':
      return 'open for signatures';
    case 'adopted':
      return 'adopted';
    case 'withdrawn':
      return 'withdrawn';
    case 'lapsed':
      return 'lapsed because a signer left the body';
    case 'expired':
      return 'expired without every signature';
  }
}

/** Who opens a consent: their role and whether they hold a seat of the body now. */
export type ConsentOpener = { role: Role | null; holdsSeat: boolean };

/**
 * Opening: a body of seats (not a member-wide body); by a member who holds one of its seats, or an
 * admin (as a seat holder or member drafts a proposal); and only while at least the charter's
 * `minSeatsForCriticalDecisions` seats are filled. What a depleted body could not decide in a
 * meeting, a written consent of its remaining holders must not decide either.
 */
export function checkOpenWrittenConsent(opener: ConsentOpener, body: BodySpec, filledSeats: number): RuleResult {
  if (body.electorate) return refused('written_consent.member_body', { body: body.name });
  if (opener.role === null || !hasRole(opener.role, 'member')) return refused('written_consent.open_not_allowed', { body: body.name });
  if (!opener.holdsSeat && !hasRole(opener.role, 'admin')) return refused('written_consent.open_not_allowed', { body: body.name });
  const minimum = Math.max(1, body.minSeatsForCriticalDecisions);
  if (filledSeats < minimum) return refused('written_consent.below_strength', { body: body.name, filled: filledSeats, minimum });
  return { ok: true };
}

function notOpen(r: WrittenConsentRecord, now: Date): RuleResult | null {
  const phase = writtenConsentPhase(r, now);
  return phase.kind === 'open' ? null : refused('written_consent.closed', codeParam('state', 'consent', writtenConsentPhaseWords(phase), phase.kind));
}

/**
 * Signing: while open, by a member of the frozen set, once. An observer's seat gives no vote, so
 * it gives no signature either: a consent whose frozen set includes a seated observer cannot be
 * adopted (never fewer than the whole set).
 */
export function checkSignWrittenConsent(r: WrittenConsentRecord, signer: { userId: string; role: Role | null }, now: Date): RuleResult {
  const closed = notOpen(r, now);
  if (closed) return closed;
  if (!r.signers.includes(signer.userId)) return refused('written_consent.not_signer');
  if (!hasRole(signer.role, 'member')) return refused('written_consent.observer_cannot_sign');
  if (r.signed.includes(signer.userId)) return refused('written_consent.already_signed');
  return { ok: true };
}

/** Revoking: one's own live signature, while open (after adoption nothing can be revoked). */
export function checkRevokeWrittenConsent(r: WrittenConsentRecord, userId: string, now: Date): RuleResult {
  const closed = notOpen(r, now);
  if (closed) return closed;
  if (!r.signers.includes(userId)) return refused('written_consent.not_signer');
  if (!r.signed.includes(userId)) return refused('written_consent.not_signed');
  return { ok: true };
}

/** Withdrawing: while open, by whoever opened it or an admin. */
export function checkWithdrawWrittenConsent(r: WrittenConsentRecord, actor: { role: Role | null; isOpener: boolean }, now: Date): RuleResult {
  const closed = notOpen(r, now);
  if (closed) return closed;
  if (!actor.isOpener && !hasRole(actor.role, 'admin')) return refused('written_consent.withdraw_not_allowed');
  return { ok: true };
}

/** True when `userId`'s signature is the last one needed: it adopts the consent. */
export function signatureAdopts(r: Pick<WrittenConsentRecord, 'signers' | 'signed'>, userId: string): boolean {
  return isUnanimous(r.signers, [...r.signed, userId]);
}

/** The charter's setting, in plain English; [] when sound. */
export function writtenConsentSpecErrors(spec: unknown): string[] {
  if (typeof spec !== 'object' || spec === null) return ['Written consent: the setting must be an object such as {"expiresAfterDays":14}.'];
  const days = (spec as WrittenConsentSpec).expiresAfterDays;
  if (!Number.isInteger(days) || days < 1 || days > 90)
    return [`Written consent: the signing period must be a whole number of days from 1 to 90 (it is ${String(days)}).`];
  return [];
}
