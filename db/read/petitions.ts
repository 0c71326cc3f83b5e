import 'server-only';
import { getDb } from '@/db/client';
import { getActiveCharter } from '@/db/queries/charters';
import { getPetitionByNumber, listPetitions, listPetitionsBefore, listSignerNames, liveSignatureOf, petitionRecord, signerFacts } from '@/db/queries/petitions';
import type { PetitionRow } from '@/db/queries/petitions';
import { getUserName } from '@/db/queries/users';
import { checkMaySign, constituencyWords, petitionPhase, takesSignatures } from '@/lib/governance/petition';
import type { Constituency, PetitionPhase } from '@/lib/governance/petition';
import { petitionRulesText } from '@/lib/governance/petition-words';
import { hasRole } from '@/lib/governance/roles';

export type PetitionSummary = {
  id: string;
  number: number;
  title: string;
  /** "all members", "the employees group". */
  constituency: string;
  /** The stakeholder group a group petition speaks for; null for all members (the pages word it in the reader's language). */
  constituencyGroup: string | null;
  bodyName: string;
  signatureCount: number;
  requiredSignatures: number;
  openedAt: Date;
  phase: PetitionPhase;
};

/** How many names a petition page lists (newest first) when the charter makes them public. */
export const SIGNER_NAMES_SHOWN = 200;

function summary(row: PetitionRow, bodyName: (key: string) => string, at: Date): PetitionSummary {
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    constituency: constituencyWords(petitionRecord(row).constituency),
    constituencyGroup: groupOf(petitionRecord(row).constituency),
    bodyName: bodyName(row.answeringBodyKey),
    signatureCount: row.signatureCount,
    requiredSignatures: row.requiredSignatures,
    openedAt: row.openedAt,
    phase: petitionPhase(petitionRecord(row), at),
  };
}

async function bodyNamer(orgId: string): Promise<(key: string) => string> {
  const charter = await getActiveCharter(getDb(), orgId);
  return (key) => charter?.document.bodies.find((b) => b.key === key)?.name ?? key;
}

/** The organization's petitions with their phase now (the count is the stored column: no signatures are counted). */
export async function listPetitionSummaries(orgId: string, at: Date): Promise<PetitionSummary[]> {
  const [rows, name] = await Promise.all([listPetitions(getDb(), orgId), bodyNamer(orgId)]);
  return rows.map((r) => summary(r, name, at));
}

/** One page of the petitions as the petitions page lists them (the API's list), newest first: below `before`, at most `limit`, and the next page's cursor. */
export async function loadPetitionSummaryPage(orgId: string, at: Date, page: { before: number | null; limit: number }) {
  const [rows, name] = await Promise.all([listPetitionsBefore(getDb(), orgId, page.before, page.limit + 1), bodyNamer(orgId)]);
  const more = rows.length > page.limit;
  return { items: rows.slice(0, page.limit).map((r) => summary(r, name, at)), nextBefore: more ? rows[page.limit - 1]!.number : null };
}

/** The petitions page: every petition, the charter's rules in words, and whether the viewer may open one (and for their group). */
export async function loadPetitionsPage(orgId: string, viewerId: string | null, at: Date) {
  const db = getDb();
  const [petitions, charter, facts] = await Promise.all([
    listPetitionSummaries(orgId, at),
    getActiveCharter(db, orgId),
    viewerId ? signerFacts(db, orgId, viewerId) : Promise.resolve({ role: null, stakeholderGroup: null }),
  ]);
  const rules = charter ? petitionRulesText(charter.document) : null;
  const mayOpen = rules !== null && checkMaySign(facts, { kind: 'all_members' }).ok;
  const spec = charter?.document.petitions;
  // The same rules as parts, for the page to word in the reader's language.
  const ruleParts = spec
    ? {
        bodyName: charter.document.bodies.find((b) => b.key === spec.answeringBodyKey)?.name ?? spec.answeringBodyKey,
        signerNamesPublic: spec.signerNamesPublic,
        thresholdOfMembers: spec.thresholdOfMembers,
        thresholdOfGroup: spec.thresholdOfGroup,
        signingDays: spec.signingDays,
        answerWithinDays: spec.answerWithinDays,
      }
    : null;
  return { petitions, rules, ruleParts, mayOpen, viewerGroup: facts.stakeholderGroup };
}

/** One petition as its page shows it, with what the viewer may do (the actions check again). */
export async function loadPetitionPage(orgId: string, number: number, viewerId: string | null, at: Date) {
  const db = getDb();
  const row = await getPetitionByNumber(db, orgId, number);
  if (!row) return null;
  const record = petitionRecord(row);
  const [name, facts, signature, signers, openedBy, answeredBy] = await Promise.all([
    bodyNamer(orgId),
    viewerId ? signerFacts(db, orgId, viewerId) : Promise.resolve({ role: null, stakeholderGroup: null }),
    viewerId ? liveSignatureOf(db, row.id, viewerId) : Promise.resolve(null),
    row.signerNamesPublic ? listSignerNames(db, row.id, SIGNER_NAMES_SHOWN) : Promise.resolve([]),
    row.openedBy ? getUserName(db, row.openedBy) : Promise.resolve(null),
    row.answeredBy ? getUserName(db, row.answeredBy) : Promise.resolve(null),
  ]);
  const view = summary(row, name, at);
  const open = takesSignatures(view.phase);
  const eligible = checkMaySign(facts, record.constituency).ok;
  return {
    petition: view,
    body: row.body,
    signerNamesPublic: row.signerNamesPublic,
    /** Names, newest first; null for a signer who has given none (the page says "a member" in the reader's language). */
    signers: signers.map((s) => s.name),
    eligibleAtOpen: row.eligibleAtOpen,
    thresholdReachedAt: row.thresholdReachedAt,
    // Names only, never an e-mail address.
    answer: row.answer && row.answeredAt ? { text: row.answer, at: row.answeredAt, by: answeredBy?.name ?? null } : null,
    openedBy: openedBy?.name ?? null,
    viewer: {
      signed: signature !== null,
      maySign: open && eligible && signature === null,
      mayRevoke: open && signature !== null,
      mayAnswer: (view.phase.kind === 'awaiting_answer' || view.phase.kind === 'overdue') && facts.role !== null && hasRole(facts.role, 'secretary'),
      notEligibleReason: viewerId ? refusalReason(checkMaySign(facts, record.constituency)) : null,
    },
  };
}

function groupOf(c: Constituency): string | null {
  return c.kind === 'all_members' ? null : c.group;
}

function refusalReason(result: { ok: true } | { ok: false; reason: string }): string | null {
  return result.ok ? null : result.reason;
}
