import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateCharter } from './charter';
import { charterDiff } from './charter-diff';
import { charterFromTemplate, charterTemplateKeys } from './templates';
import type { BodySpec } from './types';
import {
  checkOpenWrittenConsent,
  checkRevokeWrittenConsent,
  checkSignWrittenConsent,
  checkWithdrawWrittenConsent,
  isUnanimous,
  signatureAdopts,
  writtenConsentExpiresAt,
  writtenConsentPhase,
  writtenConsentSpecOf,
} from './written-consent';
import type { WrittenConsentRecord } from './written-consent';

const DAY = 86_400_000;
const t0 = new Date('2026-03-01T12:00:00Z');
const at = (days: number) => new Date(t0.getTime() + days * DAY);
const board: BodySpec = {
  key: 'board',
  name: 'Board',
  charterSeats: 5,
  minSeatsForCriticalDecisions: 3,
  vacancyDeadlineDays: 45,
  seatClassMinimums: {},
  recusedSeatsCountTowardQuorumBase: true,
};

function consent(over: Partial<WrittenConsentRecord> = {}): WrittenConsentRecord {
  return {
    openedAt: t0,
    expiresAt: writtenConsentExpiresAt(t0, 14),
    signers: ['a', 'b', 'c'],
    signed: [],
    adoptedAt: null,
    withdrawnAt: null,
    lapsedAt: null,
    departed: [],
    ...over,
  };
}

const code = (r: { ok: boolean; code?: string }) => (r.ok ? 'ok' : r.code);

describe('opening', () => {
  it('a seat-holding member or an admin opens; an observer, a seatless member or a member-wide body cannot', () => {
    expect(code(checkOpenWrittenConsent({ role: 'member', holdsSeat: true }, board, 5))).toBe('ok');
    expect(code(checkOpenWrittenConsent({ role: 'admin', holdsSeat: false }, board, 5))).toBe('ok');
    expect(code(checkOpenWrittenConsent({ role: 'member', holdsSeat: false }, board, 5))).toBe('written_consent.open_not_allowed');
    expect(code(checkOpenWrittenConsent({ role: 'secretary', holdsSeat: false }, board, 5))).toBe('written_consent.open_not_allowed');
    expect(code(checkOpenWrittenConsent({ role: 'observer', holdsSeat: true }, board, 5))).toBe('written_consent.open_not_allowed');
    expect(code(checkOpenWrittenConsent({ role: null, holdsSeat: false }, board, 5))).toBe('written_consent.open_not_allowed');
    const members: BodySpec = { ...board, key: 'members', charterSeats: 0, electorate: { kind: 'all_members' } as BodySpec['electorate'] };
    expect(code(checkOpenWrittenConsent({ role: 'admin', holdsSeat: false }, members, 0))).toBe('written_consent.member_body');
  });

  it('is refused below the charter’s minimum of filled seats, allowed at it', () => {
    expect(code(checkOpenWrittenConsent({ role: 'admin', holdsSeat: false }, board, 2))).toBe('written_consent.below_strength');
    expect(code(checkOpenWrittenConsent({ role: 'admin', holdsSeat: false }, board, 3))).toBe('ok');
    expect(code(checkOpenWrittenConsent({ role: 'admin', holdsSeat: false }, { ...board, minSeatsForCriticalDecisions: 0 }, 0))).toBe(
      'written_consent.below_strength',
    );
  });
});

describe('signing and revoking', () => {
  it('a signer signs once; a second signature, a non-signer, an expired, adopted or withdrawn consent are refused', () => {
    expect(code(checkSignWrittenConsent(consent(), { userId: 'a', role: 'member' }, at(1)))).toBe('ok');
    expect(code(checkSignWrittenConsent(consent({ signed: ['a'] }), { userId: 'a', role: 'member' }, at(1)))).toBe('written_consent.already_signed');
    expect(code(checkSignWrittenConsent(consent(), { userId: 'z', role: 'member' }, at(1)))).toBe('written_consent.not_signer');
    expect(code(checkSignWrittenConsent(consent(), { userId: 'a', role: 'member' }, at(14)))).toBe('written_consent.closed');
    expect(code(checkSignWrittenConsent(consent({ adoptedAt: at(1), signed: ['a', 'b', 'c'] }), { userId: 'a', role: 'member' }, at(2)))).toBe(
      'written_consent.closed',
    );
    expect(code(checkSignWrittenConsent(consent({ withdrawnAt: at(1) }), { userId: 'a', role: 'member' }, at(2)))).toBe('written_consent.closed');
    expect(code(checkSignWrittenConsent(consent(), { userId: 'a', role: 'observer' }, at(1)))).toBe('written_consent.observer_cannot_sign');
    expect(code(checkSignWrittenConsent(consent({ departed: ['b'] }), { userId: 'a', role: 'member' }, at(2)))).toBe('written_consent.closed');
  });

  it('revoking needs one’s own live signature on an open consent; never after adoption', () => {
    expect(code(checkRevokeWrittenConsent(consent({ signed: ['a'] }), 'a', at(1)))).toBe('ok');
    expect(code(checkRevokeWrittenConsent(consent({ signed: ['a'] }), 'b', at(1)))).toBe('written_consent.not_signed');
    expect(code(checkRevokeWrittenConsent(consent({ signed: ['a'] }), 'z', at(1)))).toBe('written_consent.not_signer');
    expect(code(checkRevokeWrittenConsent(consent({ signed: ['a', 'b', 'c'], adoptedAt: at(1) }), 'a', at(1)))).toBe('written_consent.closed');
    expect(code(checkRevokeWrittenConsent(consent({ signed: ['a'] }), 'a', at(15)))).toBe('written_consent.closed');
  });

  it('only the opener or an admin withdraws, while open', () => {
    expect(code(checkWithdrawWrittenConsent(consent(), { role: 'member', isOpener: true }, at(1)))).toBe('ok');
    expect(code(checkWithdrawWrittenConsent(consent(), { role: 'admin', isOpener: false }, at(1)))).toBe('ok');
    expect(code(checkWithdrawWrittenConsent(consent(), { role: 'secretary', isOpener: false }, at(1)))).toBe('written_consent.withdraw_not_allowed');
    expect(code(checkWithdrawWrittenConsent(consent({ adoptedAt: at(1) }), { role: 'admin', isOpener: true }, at(2)))).toBe('written_consent.closed');
  });

  it('the last signature adopts; an earlier one does not', () => {
    expect(signatureAdopts(consent({ signed: ['a', 'b'] }), 'c')).toBe(true);
    expect(signatureAdopts(consent({ signed: ['a'] }), 'c')).toBe(false);
    expect(isUnanimous([], [])).toBe(false);
  });

  it('phases: open, expired at the instant, lapsed on a departure, final once adopted', () => {
    expect(writtenConsentPhase(consent(), at(13.99)).kind).toBe('open');
    expect(writtenConsentPhase(consent(), at(14)).kind).toBe('expired');
    expect(writtenConsentPhase(consent({ departed: ['a'] }), at(1)).kind).toBe('lapsed');
    expect(writtenConsentPhase(consent({ adoptedAt: at(1), departed: ['a'] }), at(30)).kind).toBe('adopted');
  });
});

describe('properties', () => {
  const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
  const scenario = fc.record({
    signers: fc.subarray(ids, { minLength: 1 }),
    events: fc.array(fc.record({ who: fc.constantFrom(...ids, 'z'), sign: fc.boolean(), day: fc.double({ min: 0, max: 20, noNaN: true }) }), { maxLength: 30 }),
  });

  it('replaying any signatures and revocations through the rules: adopted iff every frozen signer holds a live signature, never at or after expiry, and nothing changes once adopted', () => {
    fc.assert(
      fc.property(scenario, ({ signers, events }) => {
        let r = consent({ signers });
        const sorted = [...events].sort((x, y) => x.day - y.day);
        for (const e of sorted) {
          const now = at(e.day);
          const before = r;
          if (e.sign) {
            const ok = checkSignWrittenConsent(r, { userId: e.who, role: 'member' }, now).ok;
            if (ok) {
              const adopts = signatureAdopts(r, e.who);
              r = { ...r, signed: [...r.signed, e.who], adoptedAt: adopts ? now : null };
            }
          } else if (checkRevokeWrittenConsent(r, e.who, now).ok) {
            r = { ...r, signed: r.signed.filter((s) => s !== e.who) };
          }
          // Once adopted nothing moves; a refused event changes nothing.
          if (before.adoptedAt) expect(r).toBe(before);
          // Only frozen signers, each at most once.
          expect(r.signed.every((s) => signers.includes(s))).toBe(true);
          expect(new Set(r.signed).size).toBe(r.signed.length);
          // Adopted exactly when unanimous, and only before expiry.
          expect(r.adoptedAt !== null).toBe(signers.every((s) => r.signed.includes(s)));
          if (r.adoptedAt) expect(r.adoptedAt.getTime()).toBeLessThan(r.expiresAt.getTime());
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a departed signer means no signature is accepted: unanimity is never reached by fewer than the frozen set', () => {
    fc.assert(
      fc.property(fc.subarray(ids, { minLength: 2 }), fc.nat(), (signers, k) => {
        const gone = signers[k % signers.length]!;
        const others = signers.filter((s) => s !== gone);
        const r = consent({ signers, signed: others.slice(1), departed: [gone] });
        for (const s of signers) expect(checkSignWrittenConsent(r, { userId: s, role: 'admin' }, at(1)).ok).toBe(false);
        expect(isUnanimous(signers, others)).toBe(false);
      }),
    );
  });
});

describe('charter setting', () => {
  it('every template sets a valid period; stored charters without it get 14 days; a bad value is refused; a change is listed', () => {
    for (const key of charterTemplateKeys) {
      const c = charterFromTemplate(key);
      expect(c.writtenConsent?.expiresAfterDays).toBeGreaterThan(0);
      expect(validateCharter(c)).toEqual({ ok: true });
    }
    const c = charterFromTemplate(charterTemplateKeys[0]!);
    const old = { ...c };
    delete old.writtenConsent;
    expect(writtenConsentSpecOf(old).expiresAfterDays).toBe(14);
    expect(JSON.stringify(validateCharter({ ...c, writtenConsent: { expiresAfterDays: 0 } }))).toMatch(/Written consent/);
    expect(JSON.stringify(validateCharter({ ...c, writtenConsent: null as never }))).toMatch(/Written consent/);
    expect(charterDiff(c, { ...c, writtenConsent: { expiresAfterDays: 30 } }).join(' ')).toMatch(/within 30 days/);
  });
});
