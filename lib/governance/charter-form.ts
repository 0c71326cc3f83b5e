/**
 * The charter editor's form, as plain fields: `charterToForm` writes a charter as the fields the
 * editor shows, `charterFromForm` reads them back onto the current charter. Pure, so the server
 * action and the editor (to preview the diff) read a submitted form the same way.
 *
 * Field names: `ch.b{i}.…` for the i-th body, `ch.b{i}.c{j}.…` for its j-th seat class (a blank
 * class name removes the class; the row after the last one adds a class), `ch.t{k}.…` for the k-th
 * proposal type and `ch.t{k}.s{n}.…` for its n-th deciding stage. A field that is absent keeps the
 * current value; a field that is present must be well-formed.
 */
import { seatClassWords, validateCharter } from './charter';
import type { BodySpec, Charter, ProposalTypeSpec, Ratio, StageSpec } from './types';

export type CharterFormFields = Record<string, string>;
export type CharterFromForm = { ok: true; charter: Charter } | { ok: false; charter: Charter | null; fieldErrors: Record<string, string[]> };

const CLASS_KEY = /^[a-z][a-z0-9_]{0,39}$/;

export const bodyField = (i: number, f: 'name' | 'seats' | 'critical' | 'vacancyDays') => `ch.b${i}.${f}`;
export const classField = (i: number, j: number, f: 'key' | 'min') => `ch.b${i}.c${j}.${f}`;
export const typeField = (k: number, f: 'name' | 'comment' | 'reply') => `ch.t${k}.${f}`;
export const stageField = (k: number, n: number, f: 'voting' | 'qn' | 'qd' | 'qi' | 'tn' | 'td' | 'ti' | 'base') => `ch.t${k}.s${n}.${f}`;
/** Where an error about a whole body or type goes (beside its section). */
export const bodySection = (i: number) => `ch.b${i}`;
export const typeSection = (k: number) => `ch.t${k}`;

/** A seat-class name as people type it ("Employee representative") → the key stored ('employee_representative'). */
export function seatClassKeyOf(text: string): string {
  return text
    .normalize('NFC')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/** The fields that show `c` in the editor. `charterFromForm(charterToForm(c), c)` gives `c` back. */
export function charterToForm(c: Charter): CharterFormFields {
  const f: CharterFormFields = {};
  c.bodies.forEach((b, i) => {
    f[bodyField(i, 'name')] = b.name;
    f[bodyField(i, 'seats')] = String(b.charterSeats);
    f[bodyField(i, 'critical')] = String(b.minSeatsForCriticalDecisions);
    f[bodyField(i, 'vacancyDays')] = String(b.vacancyDeadlineDays);
    Object.entries(b.seatClassMinimums).forEach(([key, min], j) => {
      f[classField(i, j, 'key')] = seatClassWords(key);
      f[classField(i, j, 'min')] = String(min);
    });
  });
  c.proposalTypes.forEach((t, k) => {
    f[typeField(k, 'name')] = t.name;
    f[typeField(k, 'comment')] = String(t.minCommentWindowHours);
    f[typeField(k, 'reply')] = String(t.replyWindowHours);
    t.stages.forEach((s, n) => {
      f[stageField(k, n, 'voting')] = String(s.votingWindowHours);
      f[stageField(k, n, 'qn')] = String(s.quorum.num);
      f[stageField(k, n, 'qd')] = String(s.quorum.den);
      f[stageField(k, n, 'qi')] = s.quorum.inclusive ? 'at_least' : 'more_than';
      f[stageField(k, n, 'tn')] = String(s.threshold.num);
      f[stageField(k, n, 'td')] = String(s.threshold.den);
      f[stageField(k, n, 'ti')] = s.threshold.inclusive ? 'at_least' : 'more_than';
      f[stageField(k, n, 'base')] = s.thresholdBase;
    });
  });
  return f;
}

/**
 * The charter the fields describe, starting from `current` (same version: the draft step bumps
 * it). Every problem comes back at once, keyed by the field (or the body's or type's section)
 * it belongs to; the charter-wide checks are validateCharter's, the same as for any amendment.
 */
export function charterFromForm(fields: CharterFormFields, current: Charter): CharterFromForm {
  const errors: Record<string, string[]> = {};
  const add = (key: string, message: string) => (errors[key] ??= []).push(message);

  const text = (key: string, fallback: string, what: string, max = 80): string => {
    const raw = fields[key];
    if (raw === undefined) return fallback;
    const v = raw.normalize('NFC').trim().replace(/\s+/g, ' ');
    if (v === '') add(key, `Enter ${what}.`);
    else if (v.length > max) add(key, `${capital(what)} is at most ${max} characters.`);
    else if (/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/.test(v)) add(key, `${capital(what)} contains invisible or control characters.`);
    return v;
  };
  const whole = (key: string, fallback: number, what: string, min: number, max = 1_000_000): number => {
    const raw = fields[key];
    if (raw === undefined) return fallback;
    const v = raw.trim();
    if (!/^\d{1,9}$/.test(v)) {
      add(key, v === '' ? `Enter ${what}.` : `${capital(what)} must be a whole number.`);
      return fallback;
    }
    const n = Number(v);
    if (n < min) add(key, `${capital(what)} must be at least ${min}.`);
    else if (n > max) add(key, `${capital(what)} must be at most ${max.toLocaleString('en')}.`);
    return n;
  };
  const inclusive = (key: string, fallback: boolean): boolean => {
    const raw = fields[key];
    if (raw === undefined) return fallback;
    if (raw === 'at_least') return true;
    if (raw === 'more_than') return false;
    add(key, 'Choose “at least” or “more than”.');
    return fallback;
  };

  const bodies: BodySpec[] = current.bodies.map((b, i) => {
    const label = b.name;
    const seatClassMinimums: Record<string, number> = {};
    const count = Object.keys(b.seatClassMinimums).length;
    for (let j = 0; j <= count; j++) {
      const keyField = classField(i, j, 'key');
      const existing = Object.entries(b.seatClassMinimums)[j];
      const rawKey = fields[keyField];
      if (rawKey === undefined && !existing) continue;
      // A class shown as words ("employee representative") and sent back unchanged keeps its stored key.
      const key =
        rawKey === undefined || (existing && seatClassKeyOf(rawKey) === seatClassKeyOf(seatClassWords(existing[0]))) ? existing![0] : seatClassKeyOf(rawKey);
      if (key === '') continue; // blank: removed (or the empty "new class" row)
      if (key !== existing?.[0] && !CLASS_KEY.test(key)) {
        add(keyField, 'A seat class name uses letters, digits and spaces, starts with a letter, and is at most 40 characters.');
        continue;
      }
      if (key in seatClassMinimums) {
        add(keyField, `The ${label} already has a seat class named “${key.replace(/_/g, ' ')}”.`);
        continue;
      }
      seatClassMinimums[key] = whole(classField(i, j, 'min'), existing?.[1] ?? 0, `the ${label}’s minimum of ${key.replace(/_/g, ' ')} seats`, 0, 10_000);
    }
    return {
      ...structuredClone(b),
      name: text(bodyField(i, 'name'), b.name, `the ${label}’s name`),
      charterSeats: whole(bodyField(i, 'seats'), b.charterSeats, `the ${label}’s charter seats`, 1, 10_000),
      minSeatsForCriticalDecisions: whole(
        bodyField(i, 'critical'),
        b.minSeatsForCriticalDecisions,
        `the ${label}’s seats needed for critical decisions`,
        1,
        10_000,
      ),
      vacancyDeadlineDays: whole(bodyField(i, 'vacancyDays'), b.vacancyDeadlineDays, `the ${label}’s vacancy deadline in days`, 1, 3650),
      seatClassMinimums,
    };
  });

  const proposalTypes: ProposalTypeSpec[] = current.proposalTypes.map((t, k) => {
    const label = `“${t.name}”`;
    const stages: StageSpec[] = t.stages.map((s, n) => {
      const where = t.stages.length > 1 ? `${label} stage ${n + 1}` : label;
      const ratio = (nf: 'qn' | 'tn', df: 'qd' | 'td', inf: 'qi' | 'ti', r: Ratio, what: string): Ratio => ({
        num: whole(stageField(k, n, nf), r.num, `${where}: the ${what}’s numerator`, 1, 1000),
        den: whole(stageField(k, n, df), r.den, `${where}: the ${what}’s denominator`, 1, 1000),
        inclusive: inclusive(stageField(k, n, inf), r.inclusive),
      });
      const baseRaw = fields[stageField(k, n, 'base')];
      let thresholdBase = s.thresholdBase;
      if (baseRaw === 'votes_cast' || baseRaw === 'charter_seats') thresholdBase = baseRaw;
      else if (baseRaw !== undefined) add(stageField(k, n, 'base'), 'Choose what the threshold counts: votes cast or charter seats.');
      return {
        ...structuredClone(s),
        votingWindowHours: whole(stageField(k, n, 'voting'), s.votingWindowHours, `${where}: the voting window in hours`, 1, 24 * 365),
        quorum: ratio('qn', 'qd', 'qi', s.quorum, 'quorum'),
        threshold: ratio('tn', 'td', 'ti', s.threshold, 'threshold'),
        thresholdBase,
      };
    });
    return {
      ...structuredClone(t),
      name: text(typeField(k, 'name'), t.name, `the name of ${label}`),
      minCommentWindowHours: whole(typeField(k, 'comment'), t.minCommentWindowHours, `${label}: the comment window in hours`, 1, 24 * 365),
      replyWindowHours: whole(typeField(k, 'reply'), t.replyWindowHours, `${label}: the subject’s reply window in hours`, 0, 24 * 365),
      stages,
    };
  });

  if (Object.keys(errors).length > 0) return { ok: false, charter: null, fieldErrors: errors };
  const charter: Charter = { ...structuredClone(current), bodies, proposalTypes };
  const validation = validateCharter(charter);
  if (validation.ok) return { ok: true, charter };
  // Put each of the rules' sentences beside the body or type it names; the rest above the editor.
  for (const message of validation.errors) {
    const i = bodies.findIndex((b) => message.startsWith(`The ${b.name.trim()}`) || message.startsWith(`Body "${b.key}"`));
    const k = proposalTypes.findIndex((t) => message.startsWith(`Proposal type "${t.key}"`));
    add(i >= 0 ? bodySection(i) : k >= 0 ? typeSection(k) : 'proposedCharter', message);
  }
  return { ok: false, charter, fieldErrors: errors };
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
