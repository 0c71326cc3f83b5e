import { sql } from 'drizzle-orm';
import { bigint, index, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, ts } from './columns';
import { orgRef } from './organizations';

/**
 * Each organization's Ed25519 key for signing its decision log's tree heads (docs/design.md §4).
 * The private key is stored only encrypted (AES-256-GCM under a key derived from
 * LOG_SIGNING_SECRET, see lib/log/keys); the public half is what readers pin.
 */
export const orgSigningKeys = pgTable('org_signing_keys', {
  orgId: orgRef().primaryKey(),
  /**
   * The signed-note key name, which is also the checkpoint origin, e.g.
   * `quorate.example.org/o/riverbend-commons`. Fixed when the key is made, so a later change of
   * AUTH_URL does not orphan the checkpoints already signed.
   */
  keyName: text('key_name').notNull(),
  /** Raw 32-byte Ed25519 public key, standard base64. */
  publicKey: text('public_key').notNull(),
  /** `v1.<iv>.<ciphertext>.<tag>` (base64url parts) of the PKCS#8 private key. */
  encryptedPrivateKey: text('encrypted_private_key').notNull(),
  createdAt: createdAt(),
});

/**
 * Signed tree heads: one C2SP checkpoint per log size that anyone asked for, signed lazily
 * (lib/log/tree-heads). Append-only like the log itself (triggers in the migration).
 */
export const treeHeads = pgTable(
  'tree_heads',
  {
    orgId: orgRef(),
    size: bigint('size', { mode: 'number' }).notNull(),
    /** RFC 6962 root over the first `size` entries, lowercase hex. */
    rootHash: text('root_hash').notNull(),
    /** The full signed note: checkpoint text, blank line, signature line. */
    note: text('note').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.size] })],
);

export type OrgSigningKeyRow = typeof orgSigningKeys.$inferSelect;
export type TreeHeadRow = typeof treeHeads.$inferSelect;

/**
 * Independent witnesses an organization's admins registered: each cosigns checkpoints
 * (C2SP tlog-cosignature) after checking the log is consistent with what it cosigned before.
 * Removal sets `removedAt`; the row and its cosignatures stay, as the log records both events.
 */
export const witnesses = pgTable(
  'witnesses',
  {
    id: id(),
    orgId: orgRef(),
    /** The witness's key name, e.g. `witness.example.org/quorate` (a signed-note key name). */
    name: text('name').notNull(),
    /** Raw 32-byte Ed25519 public key, standard base64. */
    publicKey: text('public_key').notNull(),
    addedAt: ts('added_at').notNull().defaultNow(),
    removedAt: ts('removed_at'),
  },
  (t) => [
    uniqueIndex('witnesses_org_name_active')
      .on(t.orgId, t.name)
      .where(sql`${t.removedAt} is null`),
  ],
);

/** The newest verified cosignature per witness and tree size: the note line, as the witness sent it. */
export const witnessCosignatures = pgTable(
  'witness_cosignatures',
  {
    witnessId: uuid('witness_id')
      .notNull()
      .references(() => witnesses.id),
    orgId: orgRef(),
    size: bigint('size', { mode: 'number' }).notNull(),
    /** The witness's timestamp (unix seconds) from the cosignature. */
    time: bigint('time', { mode: 'number' }).notNull(),
    /** The signature line, `— <name> <base64>` with its newline, appended to the checkpoint note. */
    line: text('line').notNull(),
    receivedAt: ts('received_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.witnessId, t.size] }), index('witness_cosignatures_org_size').on(t.orgId, t.size)],
);

export type WitnessRow = typeof witnesses.$inferSelect;

/**
 * The actor's display name as it was when each log entry was written (written in the entry's own
 * transaction, db/queries/log.ts). Kept outside the hashed entry on purpose: names are personal
 * data, so deleting an account replaces them with its pseudonym, and the log still verifies.
 * Entries written before this table existed have no row; they show today's name.
 */
export const logActorNames = pgTable(
  'log_actor_names',
  {
    /** The actor's name then; null when they had not given one. */
    name: text('name'),
    actorId: text('actor_id').notNull(),
    /** The entry: its organization and `seq` in that organization's log. */
    orgId: orgRef(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.seq] }), index('log_actor_names_actor_idx').on(t.actorId)],
);
