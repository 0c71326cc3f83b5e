import 'server-only';
import { asc, eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { logAttachments } from '@/db/schema';

/** Stores an attachment a log entry names (lib/log/attachment.ts); the table refuses updates and deletes (migration 0023). */
export async function insertLogAttachment(
  tx: Executor,
  a: { orgId: string; name: string; scheme: string; sha256: string; body: string; at: Date },
): Promise<void> {
  await tx.insert(logAttachments).values({ orgId: a.orgId, name: a.name, scheme: a.scheme, sha256: a.sha256, body: a.body, createdAt: a.at });
}

/** The organization's attachments, oldest first, as the export publishes them. */
export async function listLogAttachments(db: Executor, orgId: string): Promise<{ name: string; scheme: string; sha256: string; body: string }[]> {
  return db
    .select({ name: logAttachments.name, scheme: logAttachments.scheme, sha256: logAttachments.sha256, body: logAttachments.body })
    .from(logAttachments)
    .where(eq(logAttachments.orgId, orgId))
    .orderBy(asc(logAttachments.createdAt), asc(logAttachments.name));
}
