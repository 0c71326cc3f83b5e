import type { UpdateDeleteAction } from 'drizzle-orm/pg-core';
import { index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { createdAt, ts } from './columns';

/** Auth.js tables, in the shape @auth/drizzle-adapter expects. Emails are stored normalized. */
export const users = pgTable(
  'users',
  {
    id: text('id')
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    name: text('name'),
    email: text('email').unique().notNull(),
    emailVerified: ts('email_verified'),
    image: text('image'),
    createdAt: createdAt(),
    /** When the person last chose "Skip for now" at the name prompt; the prompt returns a while later (lib/governance/name-prompt.ts). */
    namePromptSkippedAt: ts('name_prompt_skipped_at'),
    /** The language the person chose on /account (lib/i18n/locales.ts); null: the browser's, else the organization's default. */
    locale: text('locale'),
  },
  (t) => [
    // The member list's search (db/queries/member-list.ts): a substring of a name or an address (ILIKE '%…%'), found
    // through trigrams (pg_trgm) instead of reading every member's name and address.
    index('users_email_trgm_idx').using('gin', t.email.op('gin_trgm_ops')),
    index('users_name_trgm_idx').using('gin', t.name.op('gin_trgm_ops')),
  ],
);

/** A user column; `onDelete` says what becomes of the row when the user is deleted. */
export const userRef = (name: string, onDelete?: UpdateDeleteAction) => text(name).references(() => users.id, { onDelete });

export const accounts = pgTable(
  'accounts',
  {
    userId: userRef('user_id', 'cascade').notNull(),
    type: text('type').$type<'email' | 'oauth' | 'oidc' | 'webauthn'>().notNull(),
    provider: text('provider').notNull(),
    providerAccountId: text('provider_account_id').notNull(),
    refresh_token: text('refresh_token'),
    access_token: text('access_token'),
    expires_at: integer('expires_at'),
    token_type: text('token_type'),
    scope: text('scope'),
    id_token: text('id_token'),
    session_state: text('session_state'),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] }), index('accounts_user_id_idx').on(t.userId)],
);

export const sessions = pgTable(
  'sessions',
  {
    sessionToken: text('session_token').primaryKey(),
    userId: userRef('user_id', 'cascade').notNull(),
    expires: ts('expires').notNull(),
  },
  (t) => [index('sessions_user_id_idx').on(t.userId)],
);

export const verificationTokens = pgTable(
  'verification_tokens',
  {
    identifier: text('identifier').notNull(),
    /** SHA-256 of (token ‖ secret); the raw token only ever travels in the e-mailed link. */
    token: text('token').notNull(),
    expires: ts('expires').notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

export type User = typeof users.$inferSelect;
