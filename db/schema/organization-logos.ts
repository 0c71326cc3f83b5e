import { sql } from 'drizzle-orm';
import { check, customType, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { updatedAt } from './columns';
import { orgRef } from './organizations';

/** Raw bytes (PostgreSQL bytea); drivers hand back a Buffer (postgres.js) or a Uint8Array (PGlite), read as a Uint8Array. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => new Uint8Array(value),
});

/**
 * An organization's logo: one small PNG, JPEG or WebP image, checked by its bytes before it is stored
 * (lib/governance/logo.ts). Served by /o/[slug]/logo with its SHA-256 as the ETag.
 */
export const organizationLogos = pgTable(
  'organization_logos',
  {
    orgId: orgRef('cascade').primaryKey(),
    contentType: text('content_type').notNull(),
    /** Hex SHA-256 of `bytes`: the ETag, and what the decision log records (never the bytes). */
    sha256: text('sha256').notNull(),
    byteSize: integer('byte_size').notNull(),
    bytes: bytea('bytes').notNull(),
    updatedAt: updatedAt(),
  },
  // The same bounds as the upload's check, kept by the database too.
  (t) => [
    check('organization_logos_type', sql`${t.contentType} in ('image/png', 'image/jpeg', 'image/webp')`),
    check('organization_logos_size', sql`${t.byteSize} between 1 and 262144 and octet_length(${t.bytes}) = ${t.byteSize}`),
  ],
);
