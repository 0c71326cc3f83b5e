import 'server-only';
import { getDb } from '@/db/client';
import { getActiveCharter } from '@/db/queries/charters';
import { roleOf } from '@/db/queries/member-lookups';
import { getUserName } from '@/db/queries/users';
import {
  currentSeatHolders,
  getWrittenConsentByNumber,
  listConsentSigners,
  listLiveConsentSignatures,
  listWrittenConsents,
  writtenConsentRecord,
} from '@/db/queries/written-consents';
import type { WrittenConsentRow } from '@/db/queries/written-consents';
import { hasRole } from '@/lib/governance/roles';
import { checkOpenWrittenConsent, writtenConsentPhase } from '@/lib/governance/written-consent';
import type { WrittenConsentPhase } from '@/lib/governance/written-consent';

export type WrittenConsentSummary = {
  id: string;
  number: number;
  title: string;
  bodyName: string;
  openedAt: Date;
  signatures: number;
  signers: number;
  charterSeats: number;
  phase: WrittenConsentPhase;
};

export type ConsentSignerView = { name: string; seatPosition: number; signedAt: Date | null; departed: boolean };

type Loaded = { row: WrittenConsentRow; summary: WrittenConsentSummary; signers: ConsentSignerView[]; signed: Set<string>; frozen: Set<string> };

/** The consents with their frozen signers, live signatures and departures now (one query each, for the whole list). */
async function loadAll(orgId: string, rows: WrittenConsentRow[], at: Date): Promise<Loaded[]> {
  const db = getDb();
  const ids = rows.map((r) => r.id);
  const bodies = [...new Set(rows.map((r) => r.bodyKey))];
  const [charter, signers, signatures, ...holders] = await Promise.all([
    getActiveCharter(db, orgId),
    listConsentSigners(db, ids),
    listLiveConsentSignatures(db, ids),
    ...bodies.map((b) => currentSeatHolders(db, orgId, b)),
  ]);
  const holdersOf = new Map(bodies.map((b, i) => [b, holders[i]!.map((h) => h.userId)]));
  const bodyName = (key: string) => charter?.document.bodies.find((b) => b.key === key)?.name ?? key;
  return rows.map((row) => {
    const frozen = signers.get(row.id) ?? [];
    const live = signatures.get(row.id) ?? [];
    const record = writtenConsentRecord(
      row,
      frozen,
      live.map((s) => s.userId),
      holdersOf.get(row.bodyKey) ?? [],
    );
    const departed = new Set(record.departed);
    const signedAt = new Map(live.map((s) => [s.userId, s.signedAt]));
    return {
      row,
      summary: {
        id: row.id,
        number: row.number,
        title: row.title,
        bodyName: bodyName(row.bodyKey),
        openedAt: row.openedAt,
        signatures: live.filter((s) => record.signers.includes(s.userId)).length,
        signers: frozen.length,
        charterSeats: row.charterSeats,
        phase: writtenConsentPhase(record, at),
      },
      // Names only, never an e-mail address: seat holders are public officials here.
      signers: frozen.map((s) => ({
        name: s.name ?? (s.userId ? 'A member without a name' : 'A deleted account'),
        seatPosition: s.seatPosition,
        signedAt: s.userId ? (signedAt.get(s.userId) ?? null) : null,
        departed: departed.has(s.userId ?? `deleted:${s.seatPosition}`),
      })),
      signed: new Set(live.map((s) => s.userId)),
      frozen: new Set(frozen.flatMap((s) => (s.userId ? [s.userId] : []))),
    };
  });
}

/** The organization's written consents with their phase now. */
export async function listWrittenConsentSummaries(orgId: string, at: Date): Promise<WrittenConsentSummary[]> {
  const rows = await listWrittenConsents(getDb(), orgId);
  return (await loadAll(orgId, rows, at)).map((l) => l.summary);
}

/** The list page: every consent, the charter's rule in words, and the bodies the viewer may open one of (the action checks again). */
export async function loadWrittenConsentsPage(orgId: string, viewerId: string | null, at: Date) {
  const db = getDb();
  const [consents, charter, role] = await Promise.all([
    listWrittenConsentSummaries(orgId, at),
    getActiveCharter(db, orgId),
    viewerId ? roleOf(db, orgId, viewerId) : Promise.resolve(null),
  ]);
  const seatBodies = (charter?.document.bodies ?? []).filter((b) => !b.electorate);
  const openable = await Promise.all(
    seatBodies.map(async (b) => {
      const holders = await currentSeatHolders(db, orgId, b.key);
      const rule = checkOpenWrittenConsent({ role, holdsSeat: viewerId !== null && holders.some((h) => h.userId === viewerId) }, b, holders.length);
      return {
        key: b.key,
        name: b.name,
        filled: holders.length,
        charterSeats: b.charterSeats,
        refusal: rule.ok ? null : rule.reason,
        belowStrength: !rule.ok && rule.code === 'written_consent.below_strength',
      };
    }),
  );
  return {
    consents,
    // The charter, for its written-consent rule in words (charter.writtenConsent).
    charter: charter?.document ?? null,
    // Bodies offered in the form: those the viewer may open a consent of now.
    bodies: viewerId && hasRole(role, 'member') ? openable.filter((b) => b.refusal === null) : [],
    // Why a seat holder cannot open one (e.g. the body is below strength), shown under the list.
    blocked: viewerId && hasRole(role, 'member') ? openable.filter((b) => b.belowStrength) : [],
  };
}

/** One consent as its page shows it, with what the viewer may do (the actions check again). */
export async function loadWrittenConsentPage(orgId: string, number: number, viewerId: string | null, at: Date) {
  const db = getDb();
  const row = await getWrittenConsentByNumber(db, orgId, number);
  if (!row) return null;
  const [[loaded], role, openedBy] = await Promise.all([
    loadAll(orgId, [row], at),
    viewerId ? roleOf(db, orgId, viewerId) : Promise.resolve(null),
    row.openedBy ? getUserName(db, row.openedBy) : Promise.resolve(null),
  ]);
  const { summary, signers, signed, frozen } = loaded!;
  const open = summary.phase.kind === 'open';
  const isSigner = viewerId !== null && frozen.has(viewerId);
  const hasSigned = viewerId !== null && signed.has(viewerId);
  return {
    consent: summary,
    text: row.body,
    expiresAt: row.expiresAt,
    expiresAfterDays: row.expiresAfterDays,
    signers,
    openedBy: openedBy?.name ?? null,
    viewer: {
      isSigner,
      signed: hasSigned,
      maySign: open && isSigner && !hasSigned && hasRole(role, 'member'),
      mayRevoke: open && hasSigned,
      mayWithdraw: open && viewerId !== null && (row.openedBy === viewerId || hasRole(role, 'admin')),
    },
  };
}
