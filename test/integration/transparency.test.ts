import { generateKeyPairSync } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database, Tx } from '@/db/client';
import { decisionLog, logHeads, orgSigningKeys, organizations, treeHeads } from '@/db/schema';
import { appendLogEntry, getLogHead } from '@/db/queries/log';
import { insertOrganization } from '@/db/queries/organizations';
import { getOrgVerifierKey, latestCheckpoint, listCheckpoints, logExportStream, readLeafHashes } from '@/db/queries/transparency';
import { env } from '@/lib/env';
import { base64Decode } from '@/lib/log/base64';
import { utf8 } from '@/lib/log/canonical';
import { canonicalEntry } from '@/lib/log/entry';
import type { StoredEntry } from '@/lib/log/entry';
import { chainHash, fromHex, toHex } from '@/lib/log/hash';
import { decryptPrivateKey } from '@/lib/log/keys';
import { frontierFromJson, frontierRoot, leafHash, rootOf, verifyConsistency, verifyInclusion } from '@/lib/log/merkle';
import { nodeSha256 } from '@/lib/log/node-hash';
import { parseCheckpoint, parseVerifierKey, verifyNote } from '@/lib/log/signed-note';
import { signTreeHead } from '@/lib/log/tree-heads';
import { verifyLog } from '@/lib/log/verify';
import type { VerifyReport } from '@/lib/log/verify';
import { GET as checkpointGET } from '@/app/api/o/[slug]/log/checkpoint/route';
import { GET as exportGET } from '@/app/api/o/[slug]/log/export/route';
import { GET as consistencyGET } from '@/app/api/o/[slug]/log/proof/consistency/route';
import { GET as inclusionGET } from '@/app/api/o/[slug]/log/proof/inclusion/route';
import { checkExport, formatVerdict } from '@/scripts/verify';
import { rechainedRow } from './fixtures/forgery';
import { insertUser } from './fixtures/organization';
import { withTestDatabase } from './helpers';

// These requests carry no session: a private organization's routes see a signed-out reader.
vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => null }));

type ExportDoc = {
  format: string;
  organization: { id: string; slug: string; name: string };
  origin: string;
  verifierKey: string;
  publicKey: string;
  entries: StoredEntry[];
  checkpoints: { size: number; note: string }[];
};
type Org = { id: string; slug: string; name: string };

const T0 = new Date('2026-03-02T09:00:00Z');
const KINDS = ['charter.adopted', 'seat.appointed', 'proposal.published', 'comment.posted', 'vote.cast', 'proposal.decided'];
const ENTRIES = 40;
const CHECKPOINTS_AT = [10, 25, 40];

let db: Database;
let founderId: string;
withTestDatabase({ app: true }, async (handle) => {
  db = handle.db;
  founderId = await insertUser(db, 'founder@example.org', 'Founder');
});

async function createOrg(slug: string, isPublic = true): Promise<Org> {
  const created = await insertOrganization(db, { slug, name: `Org ${slug}`, mission: '', createdBy: founderId, at: T0 });
  if (!isPublic) await db.update(organizations).set({ isPublic: false }).where(eq(organizations.id, created.id));
  return { id: created.id, slug, name: `Org ${slug}` };
}

function event(orgId: string, i: number) {
  return {
    orgId,
    actorId: i % 7 === 0 ? null : founderId,
    kind: KINDS[i % KINDS.length]!,
    subject: i % 5 === 0 ? null : `proposal:${(i % 4) + 1}`,
    payload: { title: `Item ${i}`, n: i, note: 'Décision ✓ — “quoted”', tally: { yes: i % 9, no: 2, abstain: 0 }, tags: ['a', 'b'] },
    at: new Date(T0.getTime() + i * 60_000),
  };
}

/** An organization with ENTRIES real log entries and checkpoints signed at CHECKPOINTS_AT. */
async function buildOrg(slug: string, isPublic = true): Promise<Org> {
  const org = await createOrg(slug, isPublic);
  for (let i = 1; i <= ENTRIES; i++) {
    await db.transaction((tx) => appendLogEntry(tx, event(org.id, i)));
    if (CHECKPOINTS_AT.includes(i)) await latestCheckpoint(db, org.id);
  }
  return org;
}

async function exportOf(org: Org): Promise<ExportDoc> {
  return JSON.parse(await new Response(await logExportStream(db, org)).text()) as ExportDoc;
}

async function verifyDoc(doc: ExportDoc): Promise<VerifyReport> {
  return verifyLog({ entries: doc.entries, checkpoints: doc.checkpoints, publicKeyRaw: base64Decode(doc.publicKey)!, origin: doc.origin }, undefined, {
    hasher: nodeSha256,
  });
}

const summary = (r: VerifyReport) => ({ ok: r.ok, firstBadSeq: r.firstBadSeq, problems: r.problems.map((p) => [p.seq, p.kind]) });

/**
 * What an attacker with database superuser rights can do: switch the append-only triggers off,
 * rewrite, switch them on again — in one transaction, so nothing else sees the gap.
 */
async function asSuperuser(run: (tx: Tx) => Promise<unknown>, tables: string[] = ['decision_log']): Promise<void> {
  await db.transaction(async (tx) => {
    for (const t of tables) await tx.execute(sql.raw(`alter table ${t} disable trigger user`));
    await run(tx);
    for (const t of tables) await tx.execute(sql.raw(`alter table ${t} enable trigger user`));
  });
}

const routeContext = (slug: string) => ({ params: Promise.resolve({ slug }) });
const request = (path: string) => new Request(`http://quorate.test${path}`);

describe('signing keys', () => {
  it('are made in the transaction of the first append, encrypted at rest, and roll back with it', async () => {
    const org = await createOrg('keys-org');
    await expect(
      db.transaction(async (tx) => {
        await appendLogEntry(tx, event(org.id, 1));
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await db.$count(orgSigningKeys, eq(orgSigningKeys.orgId, org.id))).toBe(0);

    await db.transaction((tx) => appendLogEntry(tx, event(org.id, 1)));
    const [row] = await db.select().from(orgSigningKeys).where(eq(orgSigningKeys.orgId, org.id));
    expect(row!.keyName).toBe('quorate.test/o/keys-org'); // AUTH_URL's host, then /o/<slug>
    expect(row!.encryptedPrivateKey).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(() => decryptPrivateKey('another-secret-another-secret-another', org.id, row!)).toThrow(/LOG_SIGNING_SECRET is not the secret it was created under/);
    // Ciphertext is bound to its organization: moved to another org's row, it does not open.
    expect(() => decryptPrivateKey(env().logSigningSecret, 'other-org', row!)).toThrow(/Cannot decrypt/);

    const vkey = await getOrgVerifierKey(db, org.id);
    expect(vkey).toEqual({
      vkey: expect.stringMatching(/^quorate\.test\/o\/keys-org\+[0-9a-f]{8}\+/),
      publicKeyB64: row!.publicKey,
      origin: 'quorate.test/o/keys-org',
    });
    expect(parseVerifierKey(vkey!.vkey).publicKeyRaw).toEqual(base64Decode(row!.publicKey));
    expect(await getOrgVerifierKey(db, '00000000-0000-0000-0000-000000000000')).toBeNull();
  });

  it('refuse UPDATE and DELETE, as do signed tree heads', async () => {
    const org = await buildOrg('immutable-org');
    const causeOf = (run: () => Promise<unknown>) =>
      run().then(
        () => 'no error',
        (e: { cause?: { message?: string }; message: string }) => e.cause?.message ?? e.message,
      );
    expect(await causeOf(() => db.execute(sql`update org_signing_keys set public_key = 'x' where org_id = ${org.id}`))).toMatch(
      /org_signing_keys is append-only: UPDATE/,
    );
    expect(await causeOf(() => db.execute(sql`delete from org_signing_keys where org_id = ${org.id}`))).toMatch(/org_signing_keys is append-only: DELETE/);
    expect(await causeOf(() => db.execute(sql`update tree_heads set root_hash = 'x' where org_id = ${org.id}`))).toMatch(/tree_heads is append-only: UPDATE/);
    expect(await causeOf(() => db.execute(sql`delete from tree_heads where org_id = ${org.id}`))).toMatch(/tree_heads is append-only: DELETE/);
  });
});

describe('signed tree heads', () => {
  it('are signed lazily, once per size, over the frontier root', async () => {
    const org = await createOrg('heads-org');
    for (let i = 1; i <= 12; i++) await db.transaction((tx) => appendLogEntry(tx, event(org.id, i)));
    expect(await db.$count(treeHeads, eq(treeHeads.orgId, org.id))).toBe(0); // appends never sign

    const heads = await Promise.all(Array.from({ length: 5 }, () => latestCheckpoint(db, org.id)));
    expect(new Set(heads.map((h) => h.note)).size).toBe(1);
    expect(await db.$count(treeHeads, eq(treeHeads.orgId, org.id))).toBe(1);
    const head = heads[0]!;
    expect(head.size).toBe(12);
    expect(head.rootHash).toBe((await getLogHead(db, org.id))!.root);
    expect(head.rootHash).toBe(toHex(rootOf(nodeSha256, await readLeafHashes(db, org.id, 12))));

    const key = (await getOrgVerifierKey(db, org.id))!;
    const opened = await verifyNote(head.note, { name: key.origin, publicKeyRaw: base64Decode(key.publicKeyB64)! });
    expect(opened.ok).toBe(true);
    const checkpoint = parseCheckpoint(opened.ok ? opened.text : '');
    expect(checkpoint).toMatchObject({ origin: 'quorate.test/o/heads-org', size: 12 });
    expect(toHex(checkpoint.rootHash)).toBe(head.rootHash);

    expect(await latestCheckpoint(db, org.id)).toEqual(head); // nothing new: the stored one
    await db.transaction((tx) => appendLogEntry(tx, event(org.id, 13)));
    expect((await latestCheckpoint(db, org.id)).size).toBe(13);
    expect((await listCheckpoints(db, org.id, 100)).map((c) => c.size)).toEqual([12, 13]);
  });

  it('sign the empty tree for an organization with no entries yet', async () => {
    const org = await createOrg('empty-org');
    const head = await latestCheckpoint(db, org.id);
    expect(head).toMatchObject({ size: 0, rootHash: toHex(nodeSha256(new Uint8Array(0))) });
    const doc = await exportOf(org);
    expect(doc.entries).toEqual([]);
    expect(summary(await verifyDoc(doc))).toEqual({ ok: true, firstBadSeq: null, problems: [] });
  });
});

describe('export', () => {
  it('carries every stored entry in seq order, the key and all checkpoints, and verifies', async () => {
    const org = await buildOrg('export-org');
    const doc = await exportOf(org);
    const key = (await getOrgVerifierKey(db, org.id))!;
    expect(doc).toMatchObject({
      format: 'quorate-log-export/1',
      organization: { id: org.id, slug: org.slug, name: org.name },
      origin: 'quorate.test/o/export-org',
      verifierKey: key.vkey,
      publicKey: key.publicKeyB64,
    });
    expect(doc.entries.map((e) => e.seq)).toEqual(Array.from({ length: ENTRIES }, (_, i) => i + 1));
    expect(Object.keys(doc.entries[0]!).sort()).toEqual(['actorId', 'at', 'hash', 'kind', 'orgId', 'payload', 'prevHash', 'seq', 'subject']);
    expect(doc.entries[16]).toMatchObject({ seq: 17, at: '2026-03-02T09:17:00.000Z', payload: event(org.id, 17).payload });
    expect(doc.checkpoints.map((c) => c.size)).toEqual(CHECKPOINTS_AT);

    const report = await verifyDoc(doc);
    expect(summary(report)).toEqual({ ok: true, firstBadSeq: null, problems: [] });
    expect(report.root).toBe((await getLogHead(db, org.id))!.root);

    const check = await checkExport(doc, { pinnedKey: key.vkey });
    expect(formatVerdict(check)).toBe(`✔ Log intact: ${ENTRIES} entries, root ${report.root}, 3 checkpoints signed by ${key.vkey}`);
  });

  it('is one snapshot: entries stop at the newest checkpoint, even with appends racing the export', async () => {
    const org = await buildOrg('snapshot-org');
    const stream = await logExportStream(db, org); // checkpoint taken here, at 40
    await db.transaction((tx) => appendLogEntry(tx, event(org.id, 41)));
    const doc = JSON.parse(await new Response(stream).text()) as ExportDoc;
    expect(doc.entries).toHaveLength(40);
    expect(doc.checkpoints.at(-1)!.size).toBe(40);
    expect((await verifyDoc(doc)).ok).toBe(true);
  });
});

describe('tampering is detected and located', () => {
  const SEQ = 17;
  const where = (org: Org, seq: number) => and(eq(decisionLog.orgId, org.id), eq(decisionLog.seq, seq));

  /** Entry SEQ of a new organization's log, changed in place by a superuser with `change`, and the verdict on its export. */
  async function verifyAfterChanging(slug: string, change: (row: typeof decisionLog.$inferSelect) => Partial<typeof decisionLog.$inferInsert>) {
    const org = await buildOrg(slug);
    await asSuperuser(async (tx) => {
      const [row] = await tx.select().from(decisionLog).where(where(org, SEQ));
      await tx.update(decisionLog).set(change(row!)).where(where(org, SEQ));
    });
    return verifyDoc(await exportOf(org));
  }

  /** A changed entry SEQ: checkpoint 10 still matches, 25 and 40 do not, so the range is 11–25, and the chain pins down the entry itself. */
  const changedAtSeq = {
    ok: false,
    firstBadSeq: SEQ,
    problems: [
      [11, 'checkpoint_root_mismatch'],
      [11, 'checkpoint_root_mismatch'],
      [SEQ, 'hash_mismatch'],
    ],
  };

  it('a single changed byte in one payload', async () => {
    const report = await verifyAfterChanging('tamper-payload', (row) => {
      // The hashed text is what every public view reads; the columns beside it are edited too.
      const entry = row.entry.replace(`"title":"Item ${SEQ}"`, `"title":"Item ${SEQ + 1}"`);
      expect(entry).not.toBe(row.entry);
      return { payload: { ...row.payload, title: 'Item 18' }, entry };
    });
    expect(summary(report)).toEqual(changedAtSeq);
  });

  it('a changed timestamp', async () => {
    const report = await verifyAfterChanging('tamper-at', (row) => {
      const at = new Date(T0.getTime() + SEQ * 60_000 - 3_600_000);
      return { at, entry: row.entry.replace(row.at.toISOString(), at.toISOString()) };
    });
    expect(summary(report)).toEqual(changedAtSeq);
  });

  it('a dropped entry', async () => {
    const org = await buildOrg('tamper-drop');
    await asSuperuser((tx) => tx.delete(decisionLog).where(where(org, SEQ)));
    const report = await verifyDoc(await exportOf(org));
    expect(summary(report)).toEqual({
      ok: false,
      firstBadSeq: SEQ,
      problems: [
        [11, 'checkpoint_root_mismatch'],
        [SEQ, 'gap'],
        [40, 'checkpoint_root_mismatch'], // signed for 40 entries, the export has 39
      ],
    });
    expect(report.problems[1]!.message).toBe('seq 17 missing from the export');
  });

  it('two entries with their seq values swapped', async () => {
    const org = await buildOrg('tamper-swap');
    await asSuperuser(async (tx) => {
      await tx.update(decisionLog).set({ seq: -1 }).where(where(org, SEQ));
      await tx
        .update(decisionLog)
        .set({ seq: SEQ })
        .where(where(org, SEQ + 1));
      await tx
        .update(decisionLog)
        .set({ seq: SEQ + 1 })
        .where(where(org, -1));
    });
    const report = await verifyDoc(await exportOf(org));
    // The export reads each entry from its hashed text, which still names its own seq: the rows
    // moved, so the export holds 18 where 17 should be, reported once as a swap.
    expect(summary(report)).toEqual({ ok: false, firstBadSeq: SEQ, problems: [[SEQ, 'reorder']] });
  });

  it('two entries swapped in an export file', async () => {
    const doc = await exportOf(await buildOrg('tamper-file-swap'));
    [doc.entries[SEQ - 1], doc.entries[SEQ]] = [doc.entries[SEQ]!, doc.entries[SEQ - 1]!];
    expect(summary(await verifyDoc(doc))).toEqual({ ok: false, firstBadSeq: SEQ, problems: [[SEQ, 'reorder']] });
  });

  it('history rewritten with a recomputed chain: only the signed heads catch it', async () => {
    const org = await buildOrg('tamper-rechain');
    await asSuperuser(async (tx) => {
      const rows = await tx.select().from(decisionLog).where(eq(decisionLog.orgId, org.id)).orderBy(asc(decisionLog.seq));
      let prev = rows[SEQ - 2]!.hash;
      for (const row of rows.slice(SEQ - 1)) {
        const forged = rechainedRow(row, row.seq === SEQ ? { ...row.payload, title: 'Rewritten' } : row.payload, prev);
        await tx.update(decisionLog).set(forged).where(where(org, row.seq));
        prev = forged.hash;
      }
    });
    const report = await verifyDoc(await exportOf(org));
    // Every hash checks out, so the entry cannot be pinned exactly: the first seq after the
    // last checkpoint that still matches (10) is where the rewrite must start.
    expect(summary(report)).toEqual({
      ok: false,
      firstBadSeq: 11,
      problems: [
        [11, 'checkpoint_root_mismatch'],
        [11, 'checkpoint_root_mismatch'],
      ],
    });
  });

  it('a tree head re-signed with another key, or its root changed under the old signature', async () => {
    const org = await buildOrg('tamper-head');
    const key = (await getOrgVerifierKey(db, org.id))!;
    const forger = generateKeyPairSync('ed25519').privateKey;
    const leaves = await readLeafHashes(db, org.id, 25);
    leaves[SEQ - 1] = leafHash(nodeSha256, utf8('{"forged":true}'));
    const forged = signTreeHead({ name: key.origin, privateKey: forger }, 25, toHex(rootOf(nodeSha256, leaves)));
    await asSuperuser(
      (tx) =>
        tx
          .update(treeHeads)
          .set(forged)
          .where(and(eq(treeHeads.orgId, org.id), eq(treeHeads.size, 25))),
      ['tree_heads'],
    );

    const [original] = await db
      .select()
      .from(treeHeads)
      .where(and(eq(treeHeads.orgId, org.id), eq(treeHeads.size, 40)));
    const lines = original!.note.split('\n');
    lines[2] = Buffer.from(forged.rootHash, 'hex').toString('base64'); // another root, old signature
    await asSuperuser(
      (tx) =>
        tx
          .update(treeHeads)
          .set({ note: lines.join('\n') })
          .where(and(eq(treeHeads.orgId, org.id), eq(treeHeads.size, 40))),
      ['tree_heads'],
    );

    const doc = await exportOf(org);
    const report = await verifyDoc(doc);
    // No entry is implicated — the entries are intact — but two heads do not verify.
    expect(summary(report)).toEqual({
      ok: false,
      firstBadSeq: null,
      problems: [
        [null, 'bad_checkpoint_signature'],
        [null, 'bad_checkpoint_signature'],
      ],
    });
    expect(report.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^checkpoint #2: no signature by key quorate\.test\/o\/tamper-head\+/),
      expect.stringMatching(/^checkpoint #3: invalid signature for key quorate\.test\/o\/tamper-head\+/),
    ]);
    expect(formatVerdict(await checkExport(doc))).toMatch(
      /^✘ Log TAMPERED: no entry implicated — bad_checkpoint_signature: checkpoint #2: no signature by key/,
    );
  });

  it('an export re-signed under a substitute key passes only until the real key is pinned', async () => {
    const org = await buildOrg('tamper-key');
    const real = (await getOrgVerifierKey(db, org.id))!;
    const doc = await exportOf(org);
    // The forger rewrites entry 17 with a consistent chain and signs fresh heads with their own key.
    const forger = generateKeyPairSync('ed25519').privateKey;
    doc.entries[SEQ - 1]!.payload = { title: 'Forged' };
    let prev = doc.entries[SEQ - 2]!.hash;
    for (const e of doc.entries.slice(SEQ - 1)) {
      e.prevHash = prev;
      e.hash = chainHash(nodeSha256, prev, canonicalEntry(e));
      prev = e.hash;
    }
    const leaves = doc.entries.map((e) => leafHash(nodeSha256, utf8(canonicalEntry(e))));
    doc.checkpoints = CHECKPOINTS_AT.map((size) => ({
      size,
      note: signTreeHead({ name: doc.origin, privateKey: forger }, size, toHex(rootOf(nodeSha256, leaves.slice(0, size)))).note,
    }));
    const { verifierKeyInfo } = await import('@/lib/log/keys');
    const { ed25519PublicKeyRaw } = await import('@/lib/log/checkpoint');
    const substitute = verifierKeyInfo({ keyName: doc.origin, publicKey: Buffer.from(ed25519PublicKeyRaw(forger)).toString('base64') });
    doc.verifierKey = substitute.vkey;
    doc.publicKey = substitute.publicKeyB64;

    expect((await checkExport(doc)).report.ok).toBe(true); // self-consistent: why readers pin keys
    const pinned = await checkExport(doc, { pinnedKey: real.vkey });
    expect(summary(pinned.report)).toEqual({
      ok: false,
      firstBadSeq: null,
      problems: [
        [null, 'bad_checkpoint_signature'],
        [null, 'bad_checkpoint_signature'],
        [null, 'bad_checkpoint_signature'],
        [null, 'bad_checkpoint_signature'],
      ],
    });
    expect(pinned.report.problems[0]!.message).toBe(`the export is signed by ${substitute.vkey}, not the pinned key ${real.vkey}`);
  });
});

describe('route handlers', () => {
  let org: Org;
  beforeAll(async () => {
    org = await buildOrg('routes-org');
    await createOrg('private-org', false);
  });

  it('GET export streams the export with public caching; 404 for unknown or private orgs', async () => {
    const res = await exportGET(request(`/api/o/${org.slug}/log/export`), routeContext(org.slug));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('public, max-age=5, stale-while-revalidate=30');
    const doc = (await res.json()) as ExportDoc;
    expect(doc.entries).toHaveLength(ENTRIES);
    expect((await verifyDoc(doc)).ok).toBe(true);

    for (const slug of ['no-such-org', 'private-org']) {
      const missing = await exportGET(request(`/api/o/${slug}/log/export`), routeContext(slug));
      expect(missing.status).toBe(404);
      expect(await missing.json()).toEqual({ error: `No public organization "${slug}".` });
    }
  });

  it('GET checkpoint gives the newest signed head as JSON or as the bare note', async () => {
    const res = await checkpointGET(request(`/api/o/${org.slug}/log/checkpoint`), routeContext(org.slug));
    const body = (await res.json()) as { size: number; rootHash: string; note: string };
    expect(body).toMatchObject({ size: ENTRIES, rootHash: (await getLogHead(db, org.id))!.root });
    const text = await checkpointGET(request(`/api/o/${org.slug}/log/checkpoint?format=text`), routeContext(org.slug));
    expect(text.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await text.text()).toBe(body.note);
    const bad = await checkpointGET(request(`/api/o/${org.slug}/log/checkpoint?format=xml`), routeContext(org.slug));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: 'Invalid query: format: format must be "json" or "text"' });
  });

  it('GET proof/inclusion returns audit paths that verify against the signed roots', async () => {
    const heads = await listCheckpoints(db, org.id, ENTRIES);
    for (const head of heads) {
      for (const seq of [1, 2, 7, 10, head.size - 1, head.size].filter((s) => s >= 1 && s <= head.size)) {
        const res = await inclusionGET(request(`/api/o/${org.slug}/log/proof/inclusion?seq=${seq}&size=${head.size}`), routeContext(org.slug));
        expect(res.status).toBe(200);
        const body = (await res.json()) as { seq: number; treeSize: number; leafHash: string; proof: string[]; rootHash: string; note: string | null };
        expect(body).toMatchObject({ seq, treeSize: head.size, rootHash: head.rootHash, note: head.note });
        expect(verifyInclusion(nodeSha256, fromHex(body.leafHash), seq - 1, head.size, body.proof.map(fromHex), fromHex(head.rootHash))).toBe(true);
        // …and not for a neighbouring leaf index.
        if (head.size > 1)
          expect(verifyInclusion(nodeSha256, fromHex(body.leafHash), seq % head.size, head.size, body.proof.map(fromHex), fromHex(head.rootHash))).toBe(false);
      }
    }
    const latest = await inclusionGET(request(`/api/o/${org.slug}/log/proof/inclusion?seq=3`), routeContext(org.slug));
    expect(((await latest.json()) as { treeSize: number }).treeSize).toBe(ENTRIES);
  });

  it('GET proof/consistency returns proofs that verify between signed heads', async () => {
    const sizes = [0, 1, 10, 25, 33, 40];
    for (const from of sizes) {
      for (const to of sizes.filter((s) => s >= from)) {
        const res = await consistencyGET(request(`/api/o/${org.slug}/log/proof/consistency?from=${from}&to=${to}`), routeContext(org.slug));
        expect(res.status).toBe(200);
        const body = (await res.json()) as { from: number; to: number; proof: string[]; fromRoot: string; toRoot: string };
        expect(verifyConsistency(nodeSha256, from, to, fromHex(body.fromRoot), fromHex(body.toRoot), body.proof.map(fromHex))).toBe(true);
      }
    }
    const res = await consistencyGET(request(`/api/o/${org.slug}/log/proof/consistency?from=10`), routeContext(org.slug));
    const body = (await res.json()) as { to: number; fromRoot: string; toRoot: string; fromNote: string | null; toNote: string | null };
    const heads = await listCheckpoints(db, org.id, ENTRIES);
    expect(body).toMatchObject({
      to: ENTRIES,
      fromRoot: heads[0]!.rootHash,
      toRoot: heads.at(-1)!.rootHash,
      fromNote: heads[0]!.note,
      toNote: heads.at(-1)!.note,
    });
  });

  it.each([
    ['inclusion', 'seq=0&size=5', 'seq must be between 1 and size (5).'],
    ['inclusion', 'seq=6&size=5', 'seq must be between 1 and size (5).'],
    ['inclusion', 'seq=1&size=41', "size 41 is beyond the log's 40 entries."],
    ['inclusion', 'seq=abc', 'Invalid query: seq: seq must be a whole number'],
    ['inclusion', 'seq=-1', 'Invalid query: seq: seq must be a whole number'],
    ['inclusion', 'size=3', 'Invalid query: seq: seq is required'],
    ['consistency', 'from=11&to=10', 'from (11) must not be greater than to (10).'],
    ['consistency', 'from=1&to=99', "to 99 is beyond the log's 40 entries."],
    ['consistency', 'to=1e3&from=1', 'Invalid query: to: to must be a whole number'],
  ] as const)('GET proof/%s?%s is a 400: %s', async (kind, query, error) => {
    const handler = kind === 'inclusion' ? inclusionGET : consistencyGET;
    const res = await handler(request(`/api/o/${org.slug}/log/proof/${kind}?${query}`), routeContext(org.slug));
    expect(res.status).toBe(400);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ error });
  });

  it('proof routes are 404 for a private organization', async () => {
    const res = await inclusionGET(request('/api/o/private-org/log/proof/inclusion?seq=1'), routeContext('private-org'));
    expect(res.status).toBe(404);
  });
});

describe('concurrent appends', () => {
  it.runIf(process.env.TEST_DATABASE_URL)(
    'never fork or gap: 50 writers × 10 appends, each in its own transaction (PostgreSQL only: PGlite has one connection)',
    async () => {
      const org = await createOrg('concurrent-org');
      const started = performance.now();
      await Promise.all(
        Array.from({ length: 50 }, async (_, writer) => {
          for (let j = 0; j < 10; j++) {
            await db.transaction((tx) => appendLogEntry(tx, { ...event(org.id, writer * 10 + j), payload: { writer, j } }));
            if (j === 5 && writer % 10 === 0) await latestCheckpoint(db, org.id); // signers racing writers
          }
        }),
      );
      const elapsed = performance.now() - started;
      const rows = await db
        .select({ seq: decisionLog.seq, entry: decisionLog.entry })
        .from(decisionLog)
        .where(eq(decisionLog.orgId, org.id))
        .orderBy(asc(decisionLog.seq));
      expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 500 }, (_, i) => i + 1));
      const [head] = await db.select().from(logHeads).where(eq(logHeads.orgId, org.id));
      expect(head!.size).toBe(500);
      const leaves = rows.map((r) => leafHash(nodeSha256, utf8(r.entry)));
      expect(toHex(frontierRoot(nodeSha256, frontierFromJson(head!.frontier)))).toBe(toHex(rootOf(nodeSha256, leaves)));
      expect(await db.$count(orgSigningKeys, eq(orgSigningKeys.orgId, org.id))).toBe(1);

      const doc = await exportOf(org);
      const report = await verifyDoc(doc);
      expect(summary(report)).toEqual({ ok: true, firstBadSeq: null, problems: [] });
      expect(doc.checkpoints.length).toBeGreaterThanOrEqual(2);
      console.info(`[transparency] 500 concurrent appends by 50 writers in ${Math.round(elapsed)} ms; ${doc.checkpoints.length} checkpoints signed meanwhile`);
    },
    120_000,
  );
});
