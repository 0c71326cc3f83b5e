// Split views, saved checkpoints, witnesses and decisions that name their charter — each
// attacked the way an operator with database superuser rights would.
import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, asc, eq, getTableName, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Database, Tx } from '@/db/client';
import { decisionLog, logHeads, organizations, witnessCosignatures } from '@/db/schema';
import { appendLogEntry } from '@/db/queries/log';
import { insertOrganization } from '@/db/queries/organizations';
import { getOrgVerifierKey, latestCheckpoint } from '@/db/queries/transparency';
import { ed25519PublicKeyRaw } from '@/lib/log/checkpoint';
import { appendCosignatures, cosignedMessage, formatCosignatureLine, parseWitnessVerifierKey } from '@/lib/log/cosignature';
import { canonicalEntry } from '@/lib/log/entry';
import type { StoredEntry } from '@/lib/log/entry';
import { chainHash, GENESIS_HASH } from '@/lib/log/hash';
import { appendLeaf, emptyFrontier, frontierToJson, leafHash } from '@/lib/log/merkle';
import { nodeSha256 } from '@/lib/log/node-hash';
import { utf8 } from '@/lib/log/canonical';
import { extractCheckpointNote, openCheckpoint } from '@/lib/log/saved-checkpoint';
import { parseVerifierKey, splitNote, verifierKey } from '@/lib/log/signed-note';
import { verifyLog } from '@/lib/log/verify';
import { deliverDue, fileMailTransport } from '@/lib/notify/delivery';
import type { MailTransport } from '@/lib/notify/delivery';
import type { OutgoingMail } from '@/lib/notify/mailer';
import { enqueueTimedNotices } from '@/lib/notify/outbox';
import { notificationMail } from '@/lib/notify/templates';
import { castBallot } from '@/lib/use-cases/ballots';
import { createDraft } from '@/lib/use-cases/drafts';
import { publishProposal } from '@/lib/use-cases/publish';
import { recordTransitions } from '@/lib/use-cases/transitions';
import { addWitness, removeWitness } from '@/lib/use-cases/witnesses';
import { GET as checkpointGET } from '@/app/api/o/[slug]/log/checkpoint/route';
import { POST as cosignPOST } from '@/app/api/o/[slug]/log/cosign/route';
import { GET as exportGET } from '@/app/api/o/[slug]/log/export/route';
import { GET as consistencyGET } from '@/app/api/o/[slug]/log/proof/consistency/route';
import { runVerify } from '@/scripts/verify';
import type { Fetcher } from '@/scripts/verify';
import { runWitness } from '@/scripts/witness';
import { rechainedRow } from './fixtures/forgery';
import { foundOrganization, insertUser } from './fixtures/organization';
import { everyRow } from './fixtures/rows';
import type { FoundedOrganization } from './fixtures/organization';
import { withTestDatabase } from './helpers';

const T0 = new Date('2026-03-02T09:00:00Z');
const DAY = 86_400_000;
const at = (days: number, hours = 0) => new Date(T0.getTime() + days * DAY + hours * 3_600_000);

let db: Database;
let founderId: string;
withTestDatabase({ app: true }, async (handle) => {
  db = handle.db;
  founderId = await insertUser(db, 'w-founder@example.org', 'Founder');
});

type Org = { id: string; slug: string };

async function logOrg(slug: string, entries: number): Promise<Org> {
  const created = await insertOrganization(db, { slug, name: `Org ${slug}`, mission: '', createdBy: founderId, at: T0 });
  const org = { id: created.id, slug };
  await grow(org, entries);
  return org;
}

async function grow(org: Org, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    await db.transaction((tx) =>
      appendLogEntry(tx, {
        orgId: org.id,
        actorId: founderId,
        kind: 'comment.posted',
        subject: 'proposal:1',
        payload: { n: i, text: `Item ${i}` },
        at: new Date(T0.getTime() + i * 60_000),
      }),
    );
  }
}

/**
 * The attack: a superuser switches the append-only triggers off, rewrites entry `seq`,
 * recomputes every later hash and the Merkle frontier, throws away the signed heads, and lets
 * the server sign fresh ones with the organization's own key.
 */
async function rewriteHistory(org: Org, seq: number): Promise<void> {
  await db.transaction(async (tx: Tx) => {
    for (const t of ['decision_log', 'tree_heads']) await tx.execute(sql.raw(`alter table ${t} disable trigger user`));
    const rows = await tx.select().from(decisionLog).where(eq(decisionLog.orgId, org.id)).orderBy(asc(decisionLog.seq));
    let prev = GENESIS_HASH;
    let frontier = emptyFrontier();
    for (const row of rows) {
      const forged = rechainedRow(row, row.seq === seq ? { ...row.payload, text: 'Rewritten' } : row.payload, prev);
      if (row.seq >= seq)
        await tx
          .update(decisionLog)
          .set(forged)
          .where(and(eq(decisionLog.orgId, org.id), eq(decisionLog.seq, row.seq)));
      frontier = appendLeaf(nodeSha256, frontier, leafHash(nodeSha256, utf8(forged.entry)));
      prev = forged.hash;
    }
    await tx
      .update(logHeads)
      .set({ headHash: prev, frontier: frontierToJson(frontier) })
      .where(eq(logHeads.orgId, org.id));
    await tx.execute(sql`delete from tree_heads where org_id = ${org.id}`);
    for (const t of ['decision_log', 'tree_heads']) await tx.execute(sql.raw(`alter table ${t} enable trigger user`));
  });
  await latestCheckpoint(db, org.id); // re-signed with the same key
}

/** The app's API routes, called in-process, as the CLI would reach them over HTTP. */
const api: Fetcher = async (url, init) => {
  const u = new URL(url);
  const m = /^\/api\/o\/([^/]+)\/log\/(.+)$/.exec(u.pathname);
  if (!m) return new Response('not found', { status: 404 });
  const context = { params: Promise.resolve({ slug: m[1]! }) };
  const request = new Request(url, init);
  if (m[2] === 'export') return exportGET(request, context);
  if (m[2] === 'checkpoint') return checkpointGET(request, context);
  if (m[2] === 'proof/consistency') return consistencyGET(request, context);
  if (m[2] === 'cosign' && request.method === 'POST') return cosignPOST(request, context);
  return new Response('not found', { status: 404 });
};

async function cli(run: typeof runVerify, argv: string[], stateDir?: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(argv, {
    fetch: api,
    stdout: (s) => void (out += s),
    stderr: (s) => void (err += s),
    defaultStateDir: stateDir ?? mkdtempSync(path.join(tmpdir(), 'quorate-state-')),
    now: () => new Date(),
  });
  return { code, out, err };
}

const url = (org: Org) => `http://quorate.test/o/${org.slug}`;
const checkpointText = async (org: Org) =>
  (await checkpointGET(new Request(`${url(org)}/api?format=text`), { params: Promise.resolve({ slug: org.slug }) })).text();

describe('npm run verify remembers checkpoints', () => {
  it('passes a growing log, then catches a rewrite re-signed with the same key — which a fresh verifier without history does not', async () => {
    const org = await logOrg('w-split', 20);
    const state = mkdtempSync(path.join(tmpdir(), 'quorate-state-'));
    const first = await cli(runVerify, [url(org), '--state', state]);
    expect(first.out).toContain('this run is the baseline');
    expect(first.code).toBe(0);
    expect(readdirSync(state)).toEqual(['quorate.test_2Fo_2Fw-split.json']);
    const saved = path.join(state, 'saved-note.txt');
    writeFileSync(saved, await checkpointText(org));

    await grow(org, 7);
    const second = await cli(runVerify, [url(org), '--state', state]);
    expect(second.out).toContain('✔ Consistent with 1 earlier checkpoint (sizes 20); current checkpoint: 27 entries');
    expect(second.code).toBe(0);

    await rewriteHistory(org, 5);
    const fresh = await cli(runVerify, [url(org), '--no-state']);
    expect(fresh.code).toBe(0); // the attack: on its own, the rewritten log verifies

    const remembered = await cli(runVerify, [url(org), '--state', state]);
    expect(remembered.code).toBe(1);
    expect(remembered.out).toContain('✘ SPLIT VIEW / REWRITTEN LOG');
    expect(remembered.out).toMatch(/size 20\): the log of 27 entries does not extend the one of 20 entries/);
    expect(remembered.out).toContain('checkpoint_root_mismatch'); // the export's entries give other roots too

    const withSaved = await cli(runVerify, ['--checkpoint', saved, '--no-state', url(org)]);
    expect(withSaved.code).toBe(1);
    expect(withSaved.out).toContain('SPLIT VIEW');
    // State is not overwritten by a failing run: the evidence stays.
    expect((await cli(runVerify, [url(org), '--state', state])).code).toBe(1);
  });

  it('warns loudly and fails when the log key changed since the last run', async () => {
    const org = await logOrg('w-key', 3);
    const state = mkdtempSync(path.join(tmpdir(), 'quorate-state-'));
    expect((await cli(runVerify, [url(org), '--state', state])).code).toBe(0);
    const file = path.join(state, readdirSync(state)[0]!);
    const json = JSON.parse(readFileSync(file, 'utf8')) as { verifierKey: string };
    const other = generateKeyPairSync('ed25519').privateKey;
    json.verifierKey = verifierKey('quorate.test/o/w-key', ed25519PublicKeyRaw(other));
    writeFileSync(file, JSON.stringify(json));
    const run = await cli(runVerify, [url(org), '--state', state]);
    expect(run.code).toBe(1);
    expect(run.out).toContain('✘ KEY CHANGED');
  });

  it('--checkpoint takes a notice e-mail as saved: the full note in it verifies, and a forged one does not', async () => {
    const org = await logOrg('w-mail', 4);
    const head = await latestCheckpoint(db, org.id);
    const mail = notificationMail({
      kind: 'vacancy_overdue',
      payload: { position: 2, bodyName: 'Board', deadlineDays: 60 },
      organizationName: 'Org',
      appUrl: 'http://quorate.test',
      orgSlug: org.slug,
      recipientName: null,
      mandatory: false,
      unsubscribeUrl: null,
      preferencesUrl: 'x',
      checkpoint: head,
    });
    const dir = mkdtempSync(path.join(tmpdir(), 'quorate-mail-'));
    const file = path.join(dir, 'mail.txt');
    writeFileSync(file, mail.text.replace(/\n/g, '\r\n')); // as a mail client may save it
    expect(extractCheckpointNote(mail.text)).toBe(head.note);
    expect(mail.html).toContain(head.note.split('\n')[0]);
    await grow(org, 2);
    expect((await cli(runVerify, ['--checkpoint', file, '--no-state', url(org)])).code).toBe(0);
    writeFileSync(file, mail.text.replace(/^(quorate\.test\/o\/w-mail\n)4\n/m, '$13\n'));
    const forged = await cli(runVerify, ['--checkpoint', file, '--no-state', url(org)]);
    expect(forged.code).toBe(1);
    expect(forged.out).toMatch(/does not verify with this log's key/);
  });
});

describe('notice e-mails carry the full signed checkpoint', () => {
  it('every kind — proposal notices, vacancy alarms — and the text verifies as the log’s note', async () => {
    const org = await governedOrg('w-notice', 7);
    await enqueueTimedNotices(db, at(61)); // two vacant seats past the 60-day deadline
    const sent: OutgoingMail[] = [];
    const dir = mkdtempSync(path.join(tmpdir(), 'quorate-mail-'));
    const files = fileMailTransport(dir, 'Quorate <q@quorate.test>');
    const transport: MailTransport = { kind: 'file', send: async (m) => void (sent.push(m), await files.send(m)), close: async () => {} };
    await deliverDue(db, transport, at(61, 1));
    // The raw .eml files as written (quoted-printable text part) are accepted by --checkpoint.
    const emls = readdirSync(dir).filter((f) => f.endsWith('.eml'));
    expect(emls.length).toBe(sent.length);
    for (const f of emls.slice(0, 2)) {
      const r = await cli(runVerify, ['--checkpoint', path.join(dir, f), '--no-state', `http://quorate.test/o/${org.slug}`]);
      expect(r.out + r.err).toContain('✔ Log intact');
      expect(r.code).toBe(0);
    }
    const kinds = new Set(sent.map((m) => m.headers?.['X-Quorate-Kind']));
    expect(kinds).toEqual(new Set(['vacancy_overdue']));
    const key = parseVerifierKey((await getOrgVerifierKey(db, org.orgId))!.vkey);
    for (const m of sent) {
      const opened = await openCheckpoint(extractCheckpointNote(m.text), key);
      expect(opened.ok).toBe(true);
      expect(m.html).toContain('BEGIN DECISION LOG CHECKPOINT');
    }
    const digest = notificationMail({
      kind: 'digest',
      payload: { items: [] },
      organizationName: 'Org',
      appUrl: 'http://quorate.test',
      orgSlug: 'x',
      recipientName: null,
      mandatory: false,
      unsubscribeUrl: null,
      preferencesUrl: 'x',
      checkpoint: await latestCheckpoint(db, org.orgId),
    });
    expect((await openCheckpoint(extractCheckpointNote(digest.text), key)).ok).toBe(true);
  });
});

describe('witnesses', () => {
  it('a witness cosigns, the checkpoint carries it, the verifier reports it; a forged cosignature is refused', async () => {
    const org = await logOrg('w-witness', 6);
    const dir = mkdtempSync(path.join(tmpdir(), 'quorate-witness-'));
    const keyFile = path.join(dir, 'witness.pem');
    const made = await cli(runWitness as typeof runVerify, ['--new-key', keyFile, '--name', 'witness.example/w1']);
    const vkey = /witness key: (\S+)/.exec(made.out)![1]!;
    await addWitness(db, { orgId: org.id, actorId: founderId, verifierKey: vkey, at: new Date() });
    const logKey = (await getOrgVerifierKey(db, org.id))!.vkey;

    // Not registered yet under this name: a forger's cosignature is refused.
    const forger = generateKeyPairSync('ed25519').privateKey;
    const note = await checkpointText(org);
    const text = splitNote(note).text;
    const forgedLine = formatCosignatureLine(
      { name: 'witness.example/w1', publicKeyRaw: parseWitnessVerifierKey(vkey).publicKeyRaw },
      1,
      sign(null, cosignedMessage(text, 1), forger),
    );
    const refused = await api(`${url(org).replace('/o/', '/api/o/')}/log/cosign`, { method: 'POST', body: appendCosignatures(note, [forgedLine]) });
    expect(refused.status).toBe(403);
    // A cosignature of a checkpoint this log never signed is refused too.
    const notOurs = note.replace(/\n6\n/, '\n7\n');
    expect((await api(`http://quorate.test/api/o/${org.slug}/log/cosign`, { method: 'POST', body: notOurs })).status).toBeGreaterThanOrEqual(400);

    const cosigned = await cli(runWitness as typeof runVerify, [
      '--key',
      keyFile,
      '--name',
      'witness.example/w1',
      '--log-key',
      logKey,
      '--state',
      dir,
      url(org),
    ]);
    expect(cosigned.err).toBe('');
    expect(cosigned.out).toContain('✔ cosigned quorate.test/o/w-witness at size 7'); // six entries and witness.added
    const served = await checkpointText(org);
    expect(served.split('\n').filter((l) => l.startsWith('— witness.example/w1 '))).toHaveLength(1);

    const verified = await cli(runVerify, [url(org), '--no-state', '--witness', vkey]);
    expect(verified.code).toBe(0);
    expect(verified.out).toMatch(/✔ cosigned by witness witness\.example\/w1 at size 7, 20\d\d-/);

    // Grows; the witness checks consistency and cosigns again.
    await grow(org, 3);
    expect((await cli(runWitness as typeof runVerify, ['--key', keyFile, '--name', 'witness.example/w1', '--state', dir, url(org)])).code).toBe(0);

    // Rewritten and re-signed: the witness refuses, and signs nothing.
    await rewriteHistory(org, 2);
    await grow(org, 1);
    const refusal = await cli(runWitness as typeof runVerify, ['--key', keyFile, '--name', 'witness.example/w1', '--state', dir, url(org)]);
    expect(refusal.code).toBe(1);
    expect(refusal.err).toMatch(/REFUSING TO COSIGN .*does not extend the one of 10 entries/);
    expect((await checkpointText(org)).includes('— witness.example/w1 ')).toBe(false);

    // Removal is logged, and the witness's lines are no longer served.
    const { listActiveWitnesses } = await import('@/db/queries/witnesses');
    const [w] = await listActiveWitnesses(db, org.id);
    await removeWitness(db, { orgId: org.id, actorId: founderId, witnessId: w!.id, at: new Date() });
    const kinds = (await db.select({ kind: decisionLog.kind }).from(decisionLog).where(eq(decisionLog.orgId, org.id))).map((r) => r.kind);
    expect(kinds.filter((k) => k.startsWith('witness.'))).toEqual(['witness.added', 'witness.removed']);
  });
  // An archived organization takes no new or removed witnesses (archive-guard-settings.test.ts), but its registered
  // witnesses still cosign: a cosignature verifies a record already public and changes no governance state.
  it('on an archived organization a registered witness still cosigns: its cosignature is stored and served, nothing else changes', async () => {
    const org = await logOrg('w-archived', 4);
    const dir = mkdtempSync(path.join(tmpdir(), 'quorate-witness-'));
    const keyFile = path.join(dir, 'witness.pem');
    const made = await cli(runWitness as typeof runVerify, ['--new-key', keyFile, '--name', 'witness.example/archive']);
    await addWitness(db, { orgId: org.id, actorId: founderId, verifierKey: /witness key: (\S+)/.exec(made.out)![1]!, at: new Date() });
    await db.update(organizations).set({ archivedAt: new Date() }).where(eq(organizations.id, org.id));
    await checkpointText(org); // the checkpoint of size 5 signed before the snapshot
    const logKey = (await getOrgVerifierKey(db, org.id))!.vkey;

    const before = await everyRow(db);
    const cosigned = await cli(runWitness as typeof runVerify, [
      '--key',
      keyFile,
      '--name',
      'witness.example/archive',
      '--log-key',
      logKey,
      '--state',
      dir,
      url(org),
    ]);
    expect(cosigned.err).toBe('');
    expect(cosigned.out).toContain('✔ cosigned quorate.test/o/w-archived at size 5'); // four entries and witness.added
    expect((await checkpointText(org)).split('\n').filter((l) => l.startsWith('— witness.example/archive '))).toHaveLength(1);
    // One cosignature row more; no log entry, no tree head, no setting: the organization is as archived.
    const after = await everyRow(db);
    const cosignatures = getTableName(witnessCosignatures);
    expect(after[cosignatures]!.length).toBe(before[cosignatures]!.length + 1);
    delete before[cosignatures];
    delete after[cosignatures];
    expect(after).toEqual(before);
  });
});

// --- Decisions name their charter ----------------------------------------------------------------

const governedOrg = (slug: string, seated: number): Promise<FoundedOrganization> =>
  foundOrganization(db, { slug, name: `Org ${slug}`, seated, at: T0, personName: (i) => `${slug} ${i}` });

describe('decisions name their charter', () => {
  it('voting.closed and proposal.decided carry the version and document hash the verifier checks; a forged hash is caught', async () => {
    const org = await governedOrg('w-charter', 7);
    const author = org.people[1]!;
    const { id } = await createDraft(
      db,
      author,
      { orgId: org.orgId, typeKey: 'resolution', title: 'Open meetings', body: 'Open.', subjectUserId: null, effect: {}, emergency: false },
      at(1),
    );
    await publishProposal(db, author, { orgId: org.orgId, proposalId: id }, at(1));
    await recordTransitions(db, id, org.orgId, at(8, 1));
    for (const i of [0, 1, 2, 3, 4]) await castBallot(db, org.people[i]!, { orgId: org.orgId, proposalId: id, choice: 'yes', rationale: null }, at(9));
    await recordTransitions(db, id, org.orgId, at(11, 2));
    const rows = await db.select().from(decisionLog).where(eq(decisionLog.orgId, org.orgId)).orderBy(asc(decisionLog.seq));
    const adopted = rows.find((r) => r.kind === 'charter.adopted')!;
    for (const kind of ['voting.closed', 'proposal.decided']) {
      const row = rows.find((r) => r.kind === kind)!;
      expect(row.payload).toMatchObject({ charterVersion: 1, charterDocumentHash: adopted.payload.documentHash });
    }
    const entries: StoredEntry[] = rows.map((r) => ({
      orgId: r.orgId,
      seq: r.seq,
      at: r.at.toISOString(),
      actorId: r.actorId,
      kind: r.kind,
      subject: r.subject,
      payload: r.payload,
      prevHash: r.prevHash,
      hash: r.hash,
    }));
    expect((await verifyLog({ entries }, undefined, { hasher: nodeSha256 })).problems).toEqual([]);
    // Forged, and the chain re-sealed around it: only the charter check can tell.
    const decided = entries.findIndex((e) => e.kind === 'proposal.decided');
    entries[decided]!.payload = { ...entries[decided]!.payload, charterDocumentHash: 'f'.repeat(64) };
    let prev = entries[decided - 1]!.hash;
    for (const e of entries.slice(decided)) {
      e.prevHash = prev;
      e.hash = chainHash(nodeSha256, prev, canonicalEntry(e));
      prev = e.hash;
    }
    const report = await verifyLog({ entries }, undefined, { hasher: nodeSha256 });
    expect(report.problems.map((p) => [p.seq, p.kind])).toEqual([[entries[decided]!.seq, 'charter_mismatch']]);
  });
});
