// Builds one large organization fast, for benchmarks (bench/): users, memberships, published
// proposals and a decision log of any size. Bulk writes only — COPY … FROM STDIN on PostgreSQL,
// multi-row INSERTs on PGlite (small sizes only) — and a decision log that is a VALID hash chain:
// every entry is sealed here with lib/log exactly as appendLogEntry would, and log_heads ends up
// with the right size, head hash and Merkle frontier, so later appends and verification work.
import { randomUUID } from 'node:crypto';
import { eq, sql as dsql } from 'drizzle-orm';
import postgres from 'postgres';
import type { DatabaseHandle } from '../client';
import { decisionLog, logHeads, memberships, proposalRevisions, proposalStages, proposals, users } from '../schema';
import { insertOrganization } from '../queries/organizations';
import { loadProposals } from '../queries/proposals';
import { isDecided, proposalPhase } from '@/lib/governance/phase';
import { charterFromTemplate } from '@/lib/governance/charter';
import { adoptFoundingCharter } from '@/lib/use-cases/founding';
import { utf8 } from '@/lib/log/canonical';
import { canonicalEntry } from '@/lib/log/entry';
import type { LogEntry } from '@/lib/log/entry';
import { chainHash } from '@/lib/log/hash';
import { appendLeaf, frontierFromJson, frontierToJson, leafHash } from '@/lib/log/merkle';
import { nodeSha256 } from '@/lib/log/node-hash';

/** `decided`: that many of the oldest proposals voted on long ago (every stage opened and closed, no ballots) with the outcome the worker would record. */
export type ScaleOptions = { slug: string; name?: string; members: number; proposals: number; log: number; decided?: number };
export type ScaleProgress = (phase: string, done: number, total: number) => void;
export type ScaleSummary = { orgId: string; slug: string; founderId: string; timings: Record<string, number>; rows: Record<string, number> };

/** PGlite is in-process and single-connection: fine for a few thousand rows, not for millions. */
export const PGLITE_LIMITS = { members: 5_000, proposals: 2_000, log: 20_000 };

type Column = readonly [key: string, sqlName: string];
const DAY = 86_400_000;

// COPY text format: \N is NULL; backslash, tab, newline and carriage return are escaped.
function copyValue(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  const s = v instanceof Date ? v.toISOString() : typeof v === 'object' ? JSON.stringify(v) : typeof v === 'boolean' ? (v ? 't' : 'f') : String(v);
  return s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/** Writes rows in big chunks: COPY on PostgreSQL, multi-row INSERT on PGlite. */
class BulkWriter {
  constructor(
    private readonly handle: DatabaseHandle,
    private readonly pg: postgres.Sql | null,
  ) {}

  async write(
    table: Parameters<DatabaseHandle['db']['insert']>[0],
    sqlTable: string,
    columns: readonly Column[],
    rows: Iterable<Record<string, unknown>>,
    onRows: (n: number) => void,
  ): Promise<number> {
    let n = 0;
    if (this.pg) {
      const stream = await this.pg.unsafe(`copy ${sqlTable} (${columns.map((c) => c[1]).join(', ')}) from stdin`).writable();
      const done = new Promise<void>((resolve, reject) => {
        stream.on('finish', resolve);
        stream.on('error', reject);
      });
      let buffer = '';
      for (const row of rows) {
        buffer += columns.map(([k]) => copyValue(row[k])).join('\t') + '\n';
        n++;
        if (buffer.length > 1 << 20) {
          if (!stream.write(buffer)) await new Promise((r) => stream.once('drain', r));
          buffer = '';
          onRows(n);
        }
      }
      stream.end(buffer);
      await done;
      onRows(n);
      return n;
    }
    let chunk: Record<string, unknown>[] = [];
    const flush = async () => {
      if (chunk.length > 0) await this.handle.db.insert(table).values(chunk as never);
      chunk = [];
      onRows(n);
    };
    for (const row of rows) {
      chunk.push(row);
      n++;
      if (chunk.length >= 1_000) await flush();
    }
    await flush();
    return n;
  }
}

/**
 * One organization with `members` members (the founder included), `proposals` published
 * proposals (one stage each, plus their first revision) and a log of `log` entries (the founding
 * charter's entry included). Deterministic shapes, random ids. Not idempotent: use a new slug.
 */
export async function seedScale(
  handle: DatabaseHandle,
  databaseUrl: string | undefined,
  opts: ScaleOptions,
  progress: ScaleProgress = () => {},
): Promise<ScaleSummary> {
  if (handle.kind === 'pglite') {
    for (const k of ['members', 'proposals', 'log'] as const) {
      if (opts[k] > PGLITE_LIMITS[k])
        throw new Error(`--${k} ${opts[k]} is too large for embedded PGlite (at most ${PGLITE_LIMITS[k]}); set DATABASE_URL to a PostgreSQL database.`);
    }
  }
  const members = Math.max(1, opts.members);
  const logSize = Math.max(1, opts.log);
  const pg = handle.kind === 'postgres' && databaseUrl ? postgres(databaseUrl, { max: 1, onnotice: () => {} }) : null;
  const bulk = new BulkWriter(handle, pg);
  const timings: Record<string, number> = {};
  const rows: Record<string, number> = {};
  const timed = async <T>(phase: string, fn: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    try {
      return await fn();
    } finally {
      timings[phase] = performance.now() - t;
    }
  };
  const t0 = new Date(Date.UTC(2024, 0, 1));
  const tag = opts.slug.replace(/[^a-z0-9-]/g, '');

  try {
    // 1. The founder, the organization and its founding charter through the real code path:
    //    log entry 1, the signing key and the seats come out exactly as in the app.
    const { orgId, founderId, charterVersion } = await timed('organization', async () => {
      const founderId = randomUUID();
      await handle.db.insert(users).values({ id: founderId, name: 'Scale Founder', email: `founder@${tag}.scale.quorate.localhost`, emailVerified: t0 });
      const orgId = await handle.db.transaction(async (tx) => {
        const org = await insertOrganization(tx, {
          slug: opts.slug,
          name: opts.name ?? `Scale ${opts.slug}`,
          mission: 'A generated organization for benchmarks.',
          createdBy: founderId,
          at: t0,
        });
        await adoptFoundingCharter(tx, {
          orgId: org.id,
          actorId: founderId,
          templateKey: 'nonprofit_board',
          charter: charterFromTemplate('nonprofit_board'),
          at: t0,
        });
        return org.id;
      });
      return { orgId, founderId, charterVersion: 1 };
    });
    const charter = charterFromTemplate('nonprofit_board');
    const types = charter.proposalTypes.filter((t) => !t.requiresSubject && t.effect === 'resolution');
    const usable = types.length > 0 ? types : charter.proposalTypes.filter((t) => !t.requiresSubject);

    // 2. Members.
    const memberIds: string[] = [founderId];
    for (let i = 1; i < members; i++) memberIds.push(randomUUID());
    await timed('users', async () => {
      function* gen() {
        for (let i = 1; i < members; i++)
          yield { id: memberIds[i], name: `Member ${i}`, email: `m${i}@${tag}.scale.quorate.localhost`, emailVerified: t0, createdAt: t0 };
      }
      rows.users = await bulk.write(
        users,
        'users',
        [
          ['id', 'id'],
          ['name', 'name'],
          ['email', 'email'],
          ['emailVerified', 'email_verified'],
          ['createdAt', 'created_at'],
        ],
        gen(),
        (n) => progress('users', n, members - 1),
      );
    });
    await timed('memberships', async () => {
      function* gen() {
        for (let i = 1; i < members; i++) {
          yield {
            id: randomUUID(),
            orgId,
            userId: memberIds[i],
            role: i % 500 === 0 ? 'secretary' : i % 50 === 0 ? 'observer' : 'member',
            stakeholderGroup: i % 3 === 0 ? 'employee' : 'community',
            createdAt: t0,
            updatedAt: t0,
          };
        }
      }
      rows.memberships = await bulk.write(
        memberships,
        'memberships',
        [
          ['id', 'id'],
          ['orgId', 'org_id'],
          ['userId', 'user_id'],
          ['role', 'role'],
          ['stakeholderGroup', 'stakeholder_group'],
          ['createdAt', 'created_at'],
          ['updatedAt', 'updated_at'],
        ],
        gen(),
        (n) => progress('memberships', n, members - 1),
      );
    });

    // 3. Proposals: published long ago, one stage, first revision.
    const proposalList: { id: string; number: number; typeKey: string; title: string; publishedAt: Date; authorId: string }[] = [];
    for (let i = 1; i <= opts.proposals; i++) {
      const type = usable[i % usable.length]!;
      proposalList.push({
        id: randomUUID(),
        number: i,
        typeKey: type.key,
        title: `Generated proposal ${i}`,
        publishedAt: new Date(t0.getTime() + i * 60_000),
        authorId: memberIds[i % memberIds.length]!,
      });
    }
    await timed('proposals', async () => {
      function* gen() {
        for (const p of proposalList) {
          const type = usable.find((t) => t.key === p.typeKey)!;
          yield {
            ...p,
            orgId,
            charterVersion,
            status: 'published',
            discussionClosesAt: new Date(p.publishedAt.getTime() + type.minCommentWindowHours * 3_600_000),
            effect: {},
            noticeRecipients: members,
            noticeSeatHolders: 0,
            createdAt: p.publishedAt,
            updatedAt: p.publishedAt,
          };
        }
      }
      rows.proposals = await bulk.write(
        proposals,
        'proposals',
        [
          ['id', 'id'],
          ['orgId', 'org_id'],
          ['number', 'number'],
          ['typeKey', 'type_key'],
          ['charterVersion', 'charter_version'],
          ['authorId', 'author_id'],
          ['title', 'title'],
          ['status', 'status'],
          ['publishedAt', 'published_at'],
          ['discussionClosesAt', 'discussion_closes_at'],
          ['effect', 'effect'],
          ['noticeRecipients', 'notice_recipients'],
          ['noticeSeatHolders', 'notice_seat_holders'],
          ['createdAt', 'created_at'],
          ['updatedAt', 'updated_at'],
        ],
        gen(),
        (n) => progress('proposals', n, opts.proposals),
      );
      function* stages() {
        for (const p of proposalList) {
          const type = usable.find((t) => t.key === p.typeKey)!;
          const decided = p.number <= (opts.decided ?? 0);
          yield* type.stages.map((s, i) => {
            const opensAt = new Date(p.publishedAt.getTime() + (i + 1) * 30 * DAY);
            return {
              proposalId: p.id,
              stageIndex: i,
              bodyKey: s.bodyKey,
              charterSeats: charter.bodies.find((b) => b.key === s.bodyKey)!.charterSeats,
              opensAt: decided ? opensAt : null,
              closesAt: decided ? new Date(opensAt.getTime() + s.votingWindowHours * 3_600_000) : null,
            };
          });
        }
      }
      rows.proposal_stages = await bulk.write(
        proposalStages,
        'proposal_stages',
        [
          ['proposalId', 'proposal_id'],
          ['stageIndex', 'stage_index'],
          ['bodyKey', 'body_key'],
          ['charterSeats', 'charter_seats'],
          ['opensAt', 'opens_at'],
          ['closesAt', 'closes_at'],
        ],
        stages(),
        () => {},
      );
      function* revisions() {
        for (const p of proposalList)
          yield {
            id: randomUUID(),
            proposalId: p.id,
            revision: 1,
            title: p.title,
            body: `Body of ${p.title}.`,
            substantive: true,
            authorId: p.authorId,
            createdAt: p.publishedAt,
          };
      }
      rows.proposal_revisions = await bulk.write(
        proposalRevisions,
        'proposal_revisions',
        [
          ['id', 'id'],
          ['proposalId', 'proposal_id'],
          ['revision', 'revision'],
          ['title', 'title'],
          ['body', 'body'],
          ['substantive', 'substantive'],
          ['authorId', 'author_id'],
          ['createdAt', 'created_at'],
        ],
        revisions(),
        () => {},
      );
    });

    // 4. The decision log: seq 2..log, chained onto the founding entry, then the head.
    await timed('log', async () => {
      const [head] = await handle.db.select().from(logHeads).where(eq(logHeads.orgId, orgId));
      if (!head) throw new Error('seed-scale: no log head after the founding charter');
      let prev = head.headHash;
      let frontier = frontierFromJson(head.frontier);
      const first = head.size + 1;
      const kinds = ['comment.posted', 'ballot.cast', 'proposal.published', 'stage.closed'] as const;
      function* gen() {
        for (let seq = first; seq <= logSize; seq++) {
          const p = proposalList.length > 0 ? proposalList[seq % proposalList.length]! : null;
          const kind = kinds[seq % kinds.length]!;
          const entry: LogEntry = {
            orgId,
            seq,
            at: new Date(t0.getTime() + DAY + seq * 1000).toISOString(),
            actorId: memberIds[seq % memberIds.length]!,
            kind,
            subject: p ? `proposal:${p.id}` : null,
            payload:
              kind === 'stage.closed'
                ? { number: p?.number ?? 0, stageIndex: 0, bodyKey: 'board' }
                : { number: p?.number ?? 0, note: `generated entry ${seq}` },
          };
          const canonical = canonicalEntry(entry);
          const hash = chainHash(nodeSha256, prev, canonical);
          frontier = appendLeaf(nodeSha256, frontier, leafHash(nodeSha256, utf8(canonical)));
          yield { ...entry, at: new Date(entry.at), entry: canonical, prevHash: prev, hash };
          prev = hash;
        }
      }
      const columns: Column[] = [
        ['orgId', 'org_id'],
        ['seq', 'seq'],
        ['at', 'at'],
        ['actorId', 'actor_id'],
        ['kind', 'kind'],
        ['subject', 'subject'],
        ['payload', 'payload'],
        ['entry', 'entry'],
        ['prevHash', 'prev_hash'],
        ['hash', 'hash'],
      ];
      const total = logSize - head.size;
      rows.decision_log = await bulk.write(decisionLog, 'decision_log', columns, gen(), (n) => progress('decision_log', n, total));
      await handle.db
        .update(logHeads)
        .set({ size: logSize > head.size ? logSize : head.size, headHash: prev, frontier: frontierToJson(frontier), updatedAt: new Date() })
        .where(eq(logHeads.orgId, orgId));
    });

    if ((opts.decided ?? 0) > 0)
      await timed('outcomes', async () => {
        // The outcome each decided proposal's phase gives, recorded as the worker records it (lib/use-cases/transitions.ts).
        const ids = proposalList.filter((p) => p.number <= opts.decided!).map((p) => p.id);
        const loaded = await loadProposals(handle.db, orgId, ids);
        const now = new Date();
        const recorded = [...loaded.values()].flatMap((p) => {
          const phase = proposalPhase(p.record, charter, now);
          const at = 'at' in phase ? phase.at : now;
          return isDecided(phase) ? [{ id: p.row.id, outcome: phase.kind, at: at.toISOString() }] : [];
        });
        await handle.db.execute(
          dsql`update proposals p set outcome = x.outcome, outcome_recorded_at = x.at from jsonb_to_recordset(${JSON.stringify(recorded)}::jsonb) as x(id uuid, outcome text, at timestamptz) where p.id = x.id`,
        );
        rows.decided = recorded.length;
      });

    await timed('analyze', async () => {
      await handle.db.execute(dsql`analyze`);
    });
    return { orgId, slug: opts.slug, founderId, timings, rows };
  } finally {
    await pg?.end({ timeout: 5 });
  }
}
