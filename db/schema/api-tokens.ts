import { index, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { userRef } from './auth';
import { createdAt, id, ts } from './columns';
import { organizations } from './organizations';

export const apiTokenScope = pgEnum('api_token_scope', ['read', 'write']);

/**
 * A person's API tokens (`Authorization: Bearer qrt_…`). Only the SHA-256 of the token is stored
 * (base64url), so a copy of the database hands out no one's access; the token itself is shown
 * once, when it is made. `org_id` null: every organization the owner belongs to. A token acts as
 * its owner, never beyond the owner's own role, and stops at `expires_at` or `revoked_at`.
 */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: id(),
    userId: userRef('user_id', 'cascade').notNull(),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    scope: apiTokenScope('scope').notNull(),
    orgId: uuid('org_id').references(() => organizations.id, { onDelete: 'cascade' }),
    expiresAt: ts('expires_at').notNull(),
    lastUsedAt: ts('last_used_at'),
    revokedAt: ts('revoked_at'),
    createdAt: createdAt(),
  },
  (t) => [index('api_tokens_user_idx').on(t.userId)],
);

export type ApiToken = typeof apiTokens.$inferSelect;
