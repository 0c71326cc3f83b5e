/**
 * The charter editor's form, as plain fields: `charterToForm` writes a charter as the fields the
 * editor shows, `charterFromForm` reads them back onto the current charter. Pure, so the server
 * action and the editor (to preview the diff) read a submitted form the same way.
 *
 * Field names: `ch.b{i}.…` for the i-th body, `ch.b{i}.c{j}.…` for its j-th seat class (a blank
 * class name removes the class; the row after the last one adds a class), `ch.t{k}.…` for the k-th
 * proposal type and `ch.t{k}.s{n}.…` for its n-th deciding stage, whose `body` is the form index
 * of the body deciding it. A field that is absent keeps the current value; a field that is present
 * must be well-formed. `ch.b{i}.removed` / `ch.t{k}.removed` ('on') remove a body or a type.
 * How a type decides is `ch.t{k}.decide` (see `DecidedBy`), with the choice's `method`, `winners`
 * and `approvals` (blank: all) and the seat election's `rule`: the form always carries them all,
 * and only those of the way chosen are read.
 * Indices past the current charter's bodies or types are new ones: they start from
 * `newBodyFields` / `newTypeFields` and get a key made from their name.
 */
import { seatClassWords, validateCharter } from './charter';
import { choiceMethodKeys, choiceTypeErrors } from './choice';
import { consentTypeErrors } from './consent';
import { electionRules, electionTypeErrors } from './election';
import type { BodySpec, Charter, ProposalTypeSpec, Ratio, StageSpec } from './types';

export type CharterFormFields = Record<string, string>;
export type CharterFromForm = { ok: true; charter: Charter } | { ok: false; charter: Charter | null; fieldErrors: Record<string, string[]> };

const CLASS_KEY = /^[a-z][a-z0-9_]{0,39}$/;
/** How many bodies, and how many proposal types, one amendment may add. */
export const MAX_NEW = 10;

import { bodyField, bodySection, classField, stageField, typeField, typeSection } from './charter-form-fields';
import { decidedByOf, decisionFieldOf, decisionFromForm } from './charter-form-decide';
import type { DecidedBy } from './charter-form-decide';

export { bodyField, bodySection, classField, stageField, typeField, typeSection } from './charter-form-fields';
export { decidedByOf, decidedByValues } from './charter-form-decide';
export type { DecidedBy } from './charter-form-decide';

/** A seat-class name as people type it ("Employee representative") → the key stored ('employee_representative'). */
export function seatClassKeyOf(text: string): string {
  return text
    .normalize('NFC')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/** A new body as the editor first shows it: three seats, two of them filled for critical decisions, vacancies flagged after 90 days. */
function newBody(key: string, name: string): BodySpec {
  // Its vacancies are filled as the charter's appointment types say (vacancyFillingOf), like a charter stored before that setting existed.
  return {
    key,
    name,
    charterSeats: 3,
    minSeatsForCriticalDecisions: 2,
    vacancyDeadlineDays: 90,
    seatClassMinimums: {},
    recusedSeatsCountTowardQuorumBase: true,
  };
}

/** A new proposal type: a resolution (no structural effect), a week of comments, then three days of voting by the chosen body. */
function newType(key: string, name: string, bodyKey: string): ProposalTypeSpec {
  return {
    key,
    name,
    effect: 'resolution',
    minCommentWindowHours: 168,
    lateRevisionWindowHours: 24,
    lateRevisionExtensionHours: 48,
    stages: [
      {
        bodyKey,
        votingWindowHours: 72,
        quorum: { num: 1, den: 2, inclusive: true },
        threshold: { num: 1, den: 2, inclusive: false },
        thresholdBase: 'votes_cast',
      },
    ],
    critical: false,
    consultationAudience: 'members',
    requiresSubject: false,
    replyWindowHours: 0,
    emergency: null,
  };
}

function bodyFields(f: CharterFormFields, i: number, b: BodySpec): void {
  f[bodyField(i, 'name')] = b.name;
  f[bodyField(i, 'seats')] = String(b.charterSeats);
  f[bodyField(i, 'critical')] = String(b.minSeatsForCriticalDecisions);
  f[bodyField(i, 'vacancyDays')] = String(b.vacancyDeadlineDays);
  Object.entries(b.seatClassMinimums).forEach(([key, min], j) => {
    f[classField(i, j, 'key')] = seatClassWords(key);
    f[classField(i, j, 'min')] = String(min);
  });
}

function typeFields(f: CharterFormFields, k: number, t: ProposalTypeSpec, bodyIndex: (key: string) => number): void {
  f[typeField(k, 'name')] = t.name;
  f[typeField(k, 'comment')] = String(t.minCommentWindowHours);
  f[typeField(k, 'reply')] = String(t.replyWindowHours);
  f[typeField(k, 'answers')] = t.answersRequired ? 'required' : 'not_required';
  // Every way of deciding has its fields, starting from the type's own values or the first choice.
  f[typeField(k, 'decide')] = decidedByOf(t);
  f[typeField(k, 'method')] = t.method?.key ?? choiceMethodKeys[0]!;
  f[typeField(k, 'winners')] = String(t.method?.winners ?? 1);
  f[typeField(k, 'approvals')] = t.method?.maxApprovals === undefined ? '' : String(t.method.maxApprovals);
  f[typeField(k, 'rule')] = t.election?.rule ?? electionRules[0]!;
  t.stages.forEach((s, n) => {
    f[stageField(k, n, 'voting')] = String(s.votingWindowHours);
    f[stageField(k, n, 'qn')] = String(s.quorum.num);
    f[stageField(k, n, 'qd')] = String(s.quorum.den);
    f[stageField(k, n, 'qi')] = s.quorum.inclusive ? 'at_least' : 'more_than';
    f[stageField(k, n, 'tn')] = String(s.threshold.num);
    f[stageField(k, n, 'td')] = String(s.threshold.den);
    f[stageField(k, n, 'ti')] = s.threshold.inclusive ? 'at_least' : 'more_than';
    f[stageField(k, n, 'base')] = s.thresholdBase;
    const i = bodyIndex(s.bodyKey);
    if (i >= 0) f[stageField(k, n, 'body')] = String(i);
  });
}

/** The fields that show `c` in the editor. `charterFromForm(charterToForm(c), c)` gives `c` back. */
export function charterToForm(c: Charter): CharterFormFields {
  const f: CharterFormFields = {};
  c.bodies.forEach((b, i) => bodyFields(f, i, b));
  c.proposalTypes.forEach((t, k) => typeFields(f, k, t, (key) => c.bodies.findIndex((b) => b.key === key)));
  return f;
}

/** The fields of a new body at form index `i` (its name left to type). */
export function newBodyFields(i: number): CharterFormFields {
  const f: CharterFormFields = {};
  bodyFields(f, i, newBody('', ''));
  return f;
}

/** The fields of a new proposal type at form index `k`, decided by the body at form index `bodyIndex`. */
export function newTypeFields(k: number, bodyIndex: number): CharterFormFields {
  const f: CharterFormFields = {};
  typeFields(f, k, newType('', '', ''), () => bodyIndex);
  return f;
}

/** The form indices of the new bodies (`b`) or types (`t`) the fields hold, in order. */
export function addedIndices(fields: CharterFormFields, kind: 'b' | 't', existing: number): number[] {
  const found = new Set<number>();
  const pattern = new RegExp(`^ch\\.${kind}(\\d{1,4})\\.`);
  for (const name of Object.keys(fields)) {
    const m = pattern.exec(name);
    if (m && Number(m[1]) >= existing) found.add(Number(m[1]));
  }
  return [...found].sort((a, b) => a - b);
}

/** A key for a new body or type, made from its name: 'Finance committee' → 'finance_committee', never one already taken. */
function keyFrom(name: string, taken: Set<string>, fallback: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[_0-9]+|_+$/g, '')
    .slice(0, 40);
  const stem = words === '' ? fallback : words;
  let key = stem;
  for (let n = 2; taken.has(key); n++) key = `${stem}_${n}`;
  taken.add(key);
  return key;
}

/**
 * The charter the fields describe, starting from `current` (same version: the draft step bumps
 * it). Every problem comes back at once, keyed by the field (or the body's or type's section)
 * it belongs to; the charter-wide checks are validateCharter's, the same as for any amendment.
 */
export function charterFromForm(fields: CharterFormFields, current: Charter): CharterFromForm {
  const errors: Record<string, string[]> = {};
  const add = (key: string, message: string) => (errors[key] ??= []).push(message);

  const text = (key: string, fallback: string | null, what: string, max = 80): string => {
    const raw = fields[key] ?? (fallback === null ? '' : undefined);
    if (raw === undefined) return fallback!;
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
  const removed = (key: string) => fields[key] === 'on';
  /** The chosen value of a select among `allowed`; the current value, even an odd one, when sent back unchanged. */
  const pick = <T extends string>(key: string, allowed: readonly T[], fallback: T, problem: string): T => {
    const raw = fields[key];
    if (raw === undefined || raw === fallback) return fallback;
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    add(key, problem);
    return fallback;
  };

  const readDecision = (k: number, t: ProposalTypeSpec, spec: ProposalTypeSpec, label: string): DecidedBy =>
    decisionFromForm({ fields, pick, whole }, k, t, spec, label);

  // Every body the form shows, by form index: the current ones, then the new ones with a key made from their name.
  const added = { bodies: addedIndices(fields, 'b', current.bodies.length), types: addedIndices(fields, 't', current.proposalTypes.length) };
  if (added.bodies.length > MAX_NEW) add('proposedCharter', `One amendment can add at most ${MAX_NEW} bodies.`);
  if (added.types.length > MAX_NEW) add('proposedCharter', `One amendment can add at most ${MAX_NEW} proposal types.`);
  const takenBodyKeys = new Set(current.bodies.map((b) => b.key));
  const takenTypeKeys = new Set(current.proposalTypes.map((t) => t.key));
  const bodyEntries = [
    ...current.bodies.map((spec, i) => ({ i, spec, isNew: false })),
    ...added.bodies
      .slice(0, MAX_NEW)
      .map((i) => ({ i, spec: newBody(keyFrom(fields[bodyField(i, 'name')] ?? '', takenBodyKeys, `body_${i}`), ''), isNew: true })),
  ];
  const bodyKeyAt = new Map(bodyEntries.map((e) => [e.i, e.spec.key]));

  const bodies = bodyEntries.map(({ i, spec: b, isNew }) => {
    const label = isNew ? fields[bodyField(i, 'name')]?.trim() || 'new body' : b.name;
    // A removed body's fields are not read: what they say no longer matters.
    if (removed(bodyField(i, 'removed'))) return { i, spec: { ...b, name: label }, removed: true };
    // A member-wide body has no seats: only its name is edited here; its electorate changes in the JSON editor.
    if (b.electorate) return { i, spec: { ...structuredClone(b), name: text(bodyField(i, 'name'), b.name, `the ${label}’s name`) }, removed: false };
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
    const spec: BodySpec = {
      ...structuredClone(b),
      name: text(bodyField(i, 'name'), isNew ? null : b.name, `the ${label}’s name`),
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
    return { i, spec, removed: false };
  });

  const firstBodyKey = current.bodies[0]?.key ?? '';
  const typeEntries = [
    ...current.proposalTypes.map((spec, k) => ({ k, spec, isNew: false })),
    ...added.types
      .slice(0, MAX_NEW)
      .map((k) => ({ k, spec: newType(keyFrom(fields[typeField(k, 'name')] ?? '', takenTypeKeys, `type_${k}`), '', firstBodyKey), isNew: true })),
  ];
  const types = typeEntries.map(({ k, spec: t, isNew }) => {
    const label = isNew ? `“${fields[typeField(k, 'name')]?.trim() || 'new proposal type'}”` : `“${t.name}”`;
    if (removed(typeField(k, 'removed'))) return { k, spec: t, removed: true };
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
      const bodyRaw = fields[stageField(k, n, 'body')];
      let bodyKey = s.bodyKey;
      if (bodyRaw !== undefined) {
        const key = /^\d{1,4}$/.test(bodyRaw) ? bodyKeyAt.get(Number(bodyRaw)) : undefined;
        if (key === undefined) add(stageField(k, n, 'body'), `${capital(where)}: choose one of the bodies in the form to decide it.`);
        else bodyKey = key;
      }
      return {
        ...structuredClone(s),
        bodyKey,
        votingWindowHours: whole(stageField(k, n, 'voting'), s.votingWindowHours, `${where}: the voting window in hours`, 1, 24 * 365),
        quorum: ratio('qn', 'qd', 'qi', s.quorum, 'quorum'),
        threshold: ratio('tn', 'td', 'ti', s.threshold, 'threshold'),
        thresholdBase,
      };
    });
    const spec: ProposalTypeSpec = {
      ...structuredClone(t),
      name: text(typeField(k, 'name'), isNew ? null : t.name, `the name of ${label}`),
      minCommentWindowHours: whole(typeField(k, 'comment'), t.minCommentWindowHours, `${label}: the comment window in hours`, 1, 24 * 365),
      replyWindowHours: whole(typeField(k, 'reply'), t.replyWindowHours, `${label}: the subject’s reply window in hours`, 0, 24 * 365),
      stages,
    };
    // The consultation gate: concerns need the author's answer before voting (consultation-gate.ts).
    const answers = fields[typeField(k, 'answers')];
    if (answers === 'required') spec.answersRequired = true;
    else if (answers === 'not_required') delete spec.answersRequired;
    else if (answers !== undefined) add(typeField(k, 'answers'), `${capital(label)}: choose whether concerns need the author’s answer before voting.`);
    const decide = readDecision(k, t, spec, label);
    return { k, spec, removed: false, decide };
  });

  if (Object.keys(errors).length > 0) return { ok: false, charter: null, fieldErrors: errors };
  const kept = <T extends { removed: boolean }>(list: T[]) => list.filter((e) => !e.removed);
  const charter: Charter = { ...structuredClone(current), bodies: kept(bodies).map((e) => e.spec), proposalTypes: kept(types).map((e) => e.spec) };
  const validation = validateCharter(charter);
  if (validation.ok) return { ok: true, charter };
  // Put each of the rules' sentences beside the body or type it names (the rest above the editor), naming bodies and types as people know them.
  const words = {
    bodies: new Map(bodies.map((e) => [e.spec.key, e.spec.name])),
    types: new Map(types.map((e) => [e.spec.key, e.spec.name])),
    removedBodies: new Set(bodies.filter((e) => e.removed).map((e) => e.spec.key)),
  };
  // The rules on how a type decides go beside the field they are about.
  const decisionField = new Map<string, string>();
  for (const { k, spec, decide } of kept(types)) {
    for (const message of [...choiceTypeErrors(spec), ...consentTypeErrors(spec), ...electionTypeErrors(spec)]) {
      decisionField.set(message, decisionFieldOf(k, decide ?? decidedByOf(spec), message));
    }
  }
  for (const message of validation.errors) {
    const body = kept(bodies).find((e) => message.startsWith(`Body "${e.spec.key}"`) || namedFirst(message, `The ${e.spec.name.trim()}`));
    const type = kept(types).find((e) => message.startsWith(`Proposal type "${e.spec.key}"`));
    add(decisionField.get(message) ?? (body ? bodySection(body.i) : type ? typeSection(type.k) : 'proposedCharter'), plainWords(message, words));
  }
  return { ok: false, charter, fieldErrors: errors };
}

/** True when `message` starts with `prefix` as whole words ("The Board" is not "The Board of trustees"). */
function namedFirst(message: string, prefix: string): boolean {
  return message.startsWith(prefix) && !/^[\p{L}\p{N}]/u.test(message.slice(prefix.length));
}

/** The charter's sentences name bodies and types by key (`Body "board"`); the editor names them as the form does. */
function plainWords(message: string, words: { bodies: Map<string, string>; types: Map<string, string>; removedBodies: Set<string> }): string {
  return message
    .replace(/^Proposal type "([^"]+)"/, (all, key: string) => (words.types.has(key) ? `“${words.types.get(key)}”` : all))
    .replace(/ body "([^"]+)", which the charter does not define\./, (all, key: string) =>
      words.removedBodies.has(key) ? ` the ${words.bodies.get(key)}, which this amendment removes.` : all,
    )
    .replace(/(is decided by the .*, which this amendment removes\.)$/, '$1 Choose another body to decide it, or remove this type too.')
    .replace(/\b(B|b)ody "([^"]+)"/g, (all, b: string, key: string) => (words.bodies.has(key) ? `${b === 'B' ? 'The' : 'the'} ${words.bodies.get(key)}` : all));
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
