import 'server-only';
import { eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { organizationLogos } from '@/db/schema';

export type OrganizationLogo = { contentType: string; sha256: string; bytes: Uint8Array; updatedAt: Date };

/** The organization's logo with its bytes, for the logo route; null when it has none. */
export async function getOrganizationLogo(db: Executor, orgId: string): Promise<OrganizationLogo | null> {
  const [row] = await db
    .select({
      contentType: organizationLogos.contentType,
      sha256: organizationLogos.sha256,
      bytes: organizationLogos.bytes,
      updatedAt: organizationLogos.updatedAt,
    })
    .from(organizationLogos)
    .where(eq(organizationLogos.orgId, orgId))
    .limit(1);
  return row ?? null;
}

/** The current logo's SHA-256, its row locked for this transaction; null when there is none. */
export async function getOrganizationLogoHashForUpdate(tx: Executor, orgId: string): Promise<string | null> {
  const [row] = await tx.select({ sha256: organizationLogos.sha256 }).from(organizationLogos).where(eq(organizationLogos.orgId, orgId)).for('update');
  return row?.sha256 ?? null;
}

/** Stores the organization's logo, replacing the one it had. */
export async function putOrganizationLogo(
  tx: Executor,
  orgId: string,
  logo: { contentType: string; sha256: string; bytes: Uint8Array; at: Date },
): Promise<void> {
  const values = { contentType: logo.contentType, sha256: logo.sha256, byteSize: logo.bytes.length, bytes: logo.bytes, updatedAt: logo.at };
  await tx
    .insert(organizationLogos)
    .values({ orgId, ...values })
    .onConflictDoUpdate({ target: organizationLogos.orgId, set: values });
}

export async function deleteOrganizationLogo(tx: Executor, orgId: string): Promise<void> {
  await tx.delete(organizationLogos).where(eq(organizationLogos.orgId, orgId));
}
