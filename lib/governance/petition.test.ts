import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { charterFromTemplate, charterTemplateKeys } from './templates';
import { validateCharter } from './charter';
import { charterDiff } from './charter-diff';
import { answerDueAt, checkAnswer, checkMaySign, checkRevoke, checkSign, petitionPhase, requiredSignatures, thresholdReached } from './petition';
import type { Constituency, PetitionRecord, Signer } from './petition';
import { petitionRulesText } from './petition-words';
import type { Ratio } from './types';

const DAY = 86_400_000;
const t0 = new Date('2026-03-01T12:00:00Z');
const at = (days: number) => new Date(t0.getTime() + days * DAY);
const all: Constituency = { kind: 'all_members' };
const employees: Constituency = { kind: 'stakeholder_group', group: 'Employees' };
const member: Signer = { role: 'member', stakeholderGroup: null };

function petition(over: Partial<PetitionRecord> = {}): PetitionRecord {
  return {
    constituency: all,
    openedAt: t0,
    requiredSignatures: 3,
    signatureCount: 0,
    signingDays: 30,
    answerWithinDays: 14,
    thresholdReachedAt: null,
    answeredAt: null,
    ...over,
  };
}

describe('requiredSignatures', () => {
  it('is the exact share of the eligible members, at least one', () => {
    const tenth: Ratio = { num: 1, den: 10, inclusive: true };
    expect(requiredSignatures(tenth, 100)).toBe(10);
    expect(requiredSignatures(tenth, 101)).toBe(11);
    expect(requiredSignatures(tenth, 0)).toBe(1);
    expect(requiredSignatures({ num: 1, den: 2, inclusive: true }, 7)).toBe(4);
    expect(requiredSignatures({ num: 1, den: 2, inclusive: false }, 8)).toBe(5);
    expect(requiredSignatures({ num: 1, den: 2, inclusive: true }, 8)).toBe(4);
  });

  it('never asks for more signatures than there are eligible members (at least one)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 20 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 200_000 }),
        (a, b, inclusive, n) => {
          const [num, den] = a <= b ? [a, b] : [b, a];
          if (!inclusive && num === den) return;
          const r = requiredSignatures({ num, den, inclusive }, n);
          expect(r).toBeLessThanOrEqual(Math.max(1, n));
          // Exactly the threshold: r signatures meet it, r - 1 do not.
          const meets = (k: number) => (inclusive ? k * den >= num * n : k * den > num * n);
          expect(meets(r) || r === 1).toBe(true);
          if (r > 1) expect(meets(r - 1)).toBe(false);
        },
      ),
    );
  });
});

describe('petitionPhase', () => {
  it('moves open → closed without the threshold, or awaiting → overdue → answered with it', () => {
    expect(petitionPhase(petition(), at(1)).kind).toBe('open');
    expect(petitionPhase(petition(), at(30)).kind).toBe('closed');
    const reached = petition({ thresholdReachedAt: at(2), signatureCount: 3 });
    expect(petitionPhase(reached, at(16))).toEqual({ kind: 'awaiting_answer', dueAt: at(16) });
    expect(petitionPhase(reached, at(16.01)).kind).toBe('overdue');
    // The threshold reached keeps the obligation even past the signing period.
    expect(petitionPhase(reached, at(40)).kind).toBe('overdue');
    expect(petitionPhase({ ...reached, answeredAt: at(10) }, at(40))).toEqual({ kind: 'answered', at: at(10), late: false });
    expect(petitionPhase({ ...reached, answeredAt: at(20) }, at(40))).toEqual({ kind: 'answered', at: at(20), late: true });
    expect(answerDueAt(at(2), 14)).toEqual(at(16));
  });
});

describe('who may sign', () => {
  it('refuses a non-member, an observer and a member outside the group', () => {
    expect(checkMaySign({ role: null, stakeholderGroup: null }, all)).toMatchObject({ ok: false, code: 'petition.signer_not_member' });
    expect(checkMaySign({ role: 'observer', stakeholderGroup: 'Employees' }, employees)).toMatchObject({ ok: false, code: 'petition.signer_observer' });
    expect(checkMaySign({ role: 'member', stakeholderGroup: 'residents' }, employees)).toMatchObject({ ok: false, code: 'petition.wrong_group' });
    expect(checkMaySign(member, employees)).toMatchObject({ ok: false, code: 'petition.wrong_group' });
    expect(checkMaySign({ role: 'admin', stakeholderGroup: ' employees ' }, employees)).toEqual({ ok: true });
    expect(checkMaySign(member, all)).toEqual({ ok: true });
  });

  it('refuses a second signature, and signing a closed or answered petition', () => {
    expect(checkSign(petition(), member, true, at(1))).toMatchObject({ ok: false, code: 'petition.already_signed' });
    expect(checkSign(petition(), member, false, at(31))).toMatchObject({ ok: false, code: 'petition.closed' });
    const answered = petition({ thresholdReachedAt: at(1), answeredAt: at(2) });
    expect(checkSign(answered, member, false, at(3))).toMatchObject({ ok: false, code: 'petition.closed' });
    expect(checkRevoke(answered, true, at(3))).toMatchObject({ ok: false, code: 'petition.closed' });
    expect(checkRevoke(petition(), false, at(1))).toMatchObject({ ok: false, code: 'petition.not_signed' });
    // Past the threshold, awaiting the answer (even overdue), signatures are still taken.
    expect(checkSign(petition({ thresholdReachedAt: at(1) }), member, false, at(40))).toEqual({ ok: true });
  });
});

describe('the answer', () => {
  it('is recorded by a secretary or admin, once the threshold is reached and until answered', () => {
    const reached = petition({ thresholdReachedAt: at(1) });
    expect(checkAnswer(reached, 'member', 'Board', at(2))).toMatchObject({ ok: false, code: 'petition.answer_not_allowed' });
    expect(checkAnswer(reached, null, 'Board', at(2))).toMatchObject({ ok: false, code: 'petition.answer_not_allowed' });
    expect(checkAnswer(petition(), 'admin', 'Board', at(2))).toMatchObject({ ok: false, code: 'petition.not_awaiting_answer' });
    expect(checkAnswer({ ...reached, answeredAt: at(3) }, 'admin', 'Board', at(4))).toMatchObject({ ok: false, code: 'petition.not_awaiting_answer' });
    expect(checkAnswer(reached, 'secretary', 'Board', at(2))).toEqual({ ok: true });
    expect(checkAnswer(reached, 'admin', 'Board', at(30))).toEqual({ ok: true });
  });
});

/** Sign and revoke operations by members 0..n-1, applied through the rules as the use cases do. */
function run(eligible: number, ops: { who: number; sign: boolean }[]) {
  const signed = new Set<number>();
  let count = 0;
  const p = petition({ requiredSignatures: requiredSignatures({ num: 1, den: 10, inclusive: true }, eligible) });
  for (const op of ops) {
    const who = op.who % eligible;
    if (op.sign && checkSign({ ...p, signatureCount: count }, member, signed.has(who), at(1)).ok) {
      signed.add(who);
      count += 1;
    } else if (!op.sign && checkRevoke(p, signed.has(who), at(1)).ok) {
      signed.delete(who);
      count -= 1;
    }
  }
  return { count, signed };
}

describe('the signature count (property)', () => {
  const ops = fc.array(fc.record({ who: fc.nat(), sign: fc.boolean() }), { maxLength: 120 });

  it('never exceeds the eligible members, and equals the live signers', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), ops, (eligible, list) => {
        const { count, signed } = run(eligible, list);
        expect(count).toBeLessThanOrEqual(eligible);
        expect(count).toBeGreaterThanOrEqual(0);
        expect(count).toBe(signed.size);
      }),
    );
  });

  it('revoking then signing again leaves the count as it was; a repeated signature changes nothing', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), ops, fc.nat(), (eligible, list, who) => {
        const before = run(eligible, list);
        const member = who % eligible;
        const again = run(eligible, [...list, { who: member, sign: true }, { who: member, sign: false }, { who: member, sign: true }]);
        const twice = run(eligible, [...list, { who: member, sign: true }, { who: member, sign: true }]);
        expect(again.count).toBe(twice.count);
        expect(again.count).toBe(before.count + (before.signed.has(member) ? 0 : 1));
        expect(thresholdReached(again.count, 1)).toBe(true);
      }),
    );
  });
});

describe('the charter', () => {
  it('gives every template sound petition rules, in words', () => {
    for (const key of charterTemplateKeys) {
      const charter = charterFromTemplate(key);
      expect(charter.petitions, key).toBeDefined();
      expect(validateCharter(charter), key).toEqual({ ok: true });
      expect(petitionRulesText(charter), key).toMatch(/must answer publicly within \d+ days/);
    }
  });

  it('refuses an impossible threshold, a bad period and an answering body without seats', () => {
    const charter = charterFromTemplate('cooperative');
    charter.petitions = {
      ...charter.petitions!,
      thresholdOfMembers: { num: 3, den: 2, inclusive: true },
      answerWithinDays: 0,
      answeringBodyKey: 'membership',
    };
    const result = validateCharter(charter);
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors.join('\n');
    expect(errors).toContain('the threshold of members cannot be more than the whole');
    expect(errors).toContain('the answer period must be a whole number of days');
    expect(errors).toContain('not by the member-wide All members');
    charter.petitions = { ...charter.petitions!, thresholdOfMembers: { num: 1, den: 10, inclusive: true }, answerWithinDays: 30, answeringBodyKey: 'nobody' };
    expect(validateCharter(charter)).toEqual({ ok: false, errors: ['Petitions are answered by body "nobody", which the charter does not define.'] });
  });

  it('refuses a petitions setting with missing parts instead of failing', () => {
    const charter = charterFromTemplate('small_board');
    (charter as { petitions: unknown }).petitions = { answeringBodyKey: 'board' };
    const result = validateCharter(charter);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors).toEqual(
      expect.arrayContaining([expect.stringContaining('the threshold of members must be a fraction'), expect.stringContaining('the signing period must be')]),
    );
  });

  it('an amendment that changes the petition rules says so in its list of changes', () => {
    const before = charterFromTemplate('small_board');
    const after = structuredClone(before);
    expect(charterDiff(before, after)).toEqual([]);
    after.petitions = { ...after.petitions!, answerWithinDays: 10 };
    expect(charterDiff(before, after)).toEqual([expect.stringMatching(/^Petitions change\. From now on: .*within 10 days/)]);
    delete after.petitions;
    expect(charterDiff(before, after)).toEqual(['Petitions: removed from the charter.']);
  });
});
