import { bigint, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations } from './organizations';

const ts = (name: string) => timestamp(name, { mode: 'date', withTimezone: true });

/**
 * Each organization's Ed25519 key for signing its decision log's tree heads (DESIGN §4).
 * The private key is stored only encrypted (AES-256-GCM under a key derived from
 * LOG_SIGNING_SECRET, see lib/log/keys); the public half is what readers pin.
 */
export const orgSigningKeys = pgTable('org_signing_keys', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => organizations.id),
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
  createdAt: ts('created_at').notNull().defaultNow(),
});

/**
 * Signed tree heads: one C2SP checkpoint per log size that anyone asked for, signed lazily
 * (lib/log/tree-heads). Append-only like the log itself (triggers in the migration).
 */
export const treeHeads = pgTable(
  'tree_heads',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    size: bigint('size', { mode: 'number' }).notNull(),
    /** RFC 6962 root over the first `size` entries, lowercase hex. */
    rootHash: text('root_hash').notNull(),
    /** The full signed note: checkpoint text, blank line, signature line. */
    note: text('note').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.size] })],
);

export type OrgSigningKeyRow = typeof orgSigningKeys.$inferSelect;
export type TreeHeadRow = typeof treeHeads.$inferSelect;
