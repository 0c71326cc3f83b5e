import 'server-only';
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { witnessCosignatures, witnesses } from '@/db/schema';
import { base64Decode } from '@/lib/log/base64';
import { witnessVerifierKey } from '@/lib/log/cosignature';
import type { WitnessKey } from '@/lib/log/cosignature';

export type ActiveWitness = { id: string; name: string; publicKey: string; vkey: string; addedAt: Date };

/** The organization's current witnesses, oldest first. */
export async function listActiveWitnesses(db: Executor, orgId: string): Promise<ActiveWitness[]> {
  const rows = await db
    .select({ id: witnesses.id, name: witnesses.name, publicKey: witnesses.publicKey, addedAt: witnesses.addedAt })
    .from(witnesses)
    .where(and(eq(witnesses.orgId, orgId), isNull(witnesses.removedAt)))
    .orderBy(asc(witnesses.addedAt), asc(witnesses.name));
  return rows.map((r) => ({ ...r, vkey: witnessVerifierKey(r.name, base64Decode(r.publicKey)!) }));
}

export function witnessKeyOf(w: Pick<ActiveWitness, 'name' | 'publicKey'>): WitnessKey {
  return { name: w.name, publicKeyRaw: base64Decode(w.publicKey)! };
}

export async function insertWitness(tx: Executor, row: { orgId: string; name: string; publicKey: string; at: Date }): Promise<{ id: string }> {
  const [inserted] = await tx
    .insert(witnesses)
    .values({ orgId: row.orgId, name: row.name, publicKey: row.publicKey, addedAt: row.at })
    .returning({ id: witnesses.id });
  return inserted!;
}

/** Marks an active witness removed; null when it is not an active witness of this organization. */
export async function markWitnessRemoved(tx: Executor, orgId: string, witnessId: string, at: Date): Promise<{ name: string; publicKey: string } | null> {
  const [row] = await tx
    .update(witnesses)
    .set({ removedAt: at })
    .where(and(eq(witnesses.orgId, orgId), eq(witnesses.id, witnessId), isNull(witnesses.removedAt)))
    .returning({ name: witnesses.name, publicKey: witnesses.publicKey });
  return row ?? null;
}

/** Keeps the newest cosignature (by the witness's own timestamp) per witness and size. */
export async function storeCosignature(
  tx: Executor,
  row: { witnessId: string; orgId: string; size: number; time: number; line: string; at: Date },
): Promise<void> {
  await tx
    .insert(witnessCosignatures)
    .values({ witnessId: row.witnessId, orgId: row.orgId, size: row.size, time: row.time, line: row.line, receivedAt: row.at })
    .onConflictDoUpdate({
      target: [witnessCosignatures.witnessId, witnessCosignatures.size],
      set: { time: row.time, line: row.line, receivedAt: row.at },
      setWhere: sql`excluded.time > ${witnessCosignatures.time}`,
    });
}

/** Cosignature lines of current witnesses for the checkpoint of `size`, in witness order. */
export async function cosignatureLines(db: Executor, orgId: string, size: number): Promise<string[]> {
  const rows = await db
    .select({ line: witnessCosignatures.line })
    .from(witnessCosignatures)
    .innerJoin(witnesses, eq(witnesses.id, witnessCosignatures.witnessId))
    .where(and(eq(witnessCosignatures.orgId, orgId), eq(witnessCosignatures.size, size), isNull(witnesses.removedAt)))
    .orderBy(asc(witnesses.addedAt), asc(witnesses.name));
  return rows.map((r) => r.line);
}

export type Witnessing = { name: string; vkey: string; size: number | null; time: Date | null };

/** Each current witness with the largest size it has cosigned and when (its own timestamp). */
export async function latestWitnessings(db: Executor, orgId: string): Promise<Witnessing[]> {
  const active = await listActiveWitnesses(db, orgId);
  return Promise.all(
    active.map(async (w) => {
      const [last] = await db
        .select({ size: witnessCosignatures.size, time: witnessCosignatures.time })
        .from(witnessCosignatures)
        .where(eq(witnessCosignatures.witnessId, w.id))
        .orderBy(desc(witnessCosignatures.size))
        .limit(1);
      return { name: w.name, vkey: w.vkey, size: last?.size ?? null, time: last ? new Date(last.time * 1000) : null };
    }),
  );
}
