import 'server-only';
import { createHash } from 'node:crypto';
import type { Database, Executor } from '@/db/client';
import { appendLogEntry } from '@/db/queries/log';
import { getMembership } from '@/db/queries/memberships';
import { deleteOrganizationLogo, getOrganizationLogoHashForUpdate, putOrganizationLogo } from '@/db/queries/organization-logos';
import { getOrganizationProfileForUpdate, setOrganizationDefaultLocale, updateOrganizationProfile } from '@/db/queries/organizations';
import type { OrganizationProfile } from '@/db/queries/organizations';
import { checkLogo } from '@/lib/governance/logo';
import { refuse, refuseRule } from '@/lib/governance/refusal';
import { checkProfileEdit } from '@/lib/governance/roles';
import { requireOrganizationWritable } from './writable';

type OrganizationEvent = { orgId: string; actorId: string; at: Date };

/** Logs a change to the organization itself (its profile, logo, archive state), in the caller's transaction. */
export async function logOrganizationChange(tx: Executor, p: OrganizationEvent, kind: string, payload: Record<string, unknown>): Promise<void> {
  await appendLogEntry(tx, { orgId: p.orgId, actorId: p.actorId, kind, subject: `organization:${p.orgId}`, payload, at: p.at });
}

/** Refuses unless the actor is an admin now: re-read inside the transaction, since they may have been demoted a moment ago. */
async function requireProfileEditor(tx: Executor, p: OrganizationEvent): Promise<void> {
  const actor = await getMembership(tx, p.orgId, p.actorId);
  const rule = checkProfileEdit(actor?.role ?? null);
  if (!rule.ok) refuseRule(rule);
  // An archived organization's profile and logo stay as they were archived: unarchive first.
  await requireOrganizationWritable(tx, p.orgId);
}

/** Name, mission and visibility: admins only, each change logged with what it was before. Whether anything changed. */
export async function saveOrganizationProfile(db: Database, p: OrganizationEvent & { profile: OrganizationProfile }): Promise<boolean> {
  return db.transaction(async (tx) => {
    await requireProfileEditor(tx, p);
    const before = await getOrganizationProfileForUpdate(tx, p.orgId);
    if (!before) refuse('organization.not_found');
    const after = p.profile;
    const keys = (Object.keys(after) as (keyof OrganizationProfile)[]).filter((k) => before[k] !== after[k]);
    if (keys.length === 0) return false;
    await updateOrganizationProfile(tx, p.orgId, after);
    const pick = (o: OrganizationProfile) => Object.fromEntries(keys.map((k) => [k, o[k]]));
    await logOrganizationChange(tx, p, 'organization.profile_changed', { fields: keys, before: pick(before), after: pick(after) });
    return true;
  });
}

/**
 * An admin sets the organization's logo: a PNG, JPEG or WebP image of at most 256 KB, judged by its
 * bytes (lib/governance/logo.ts). `organization.logo_changed` records the image's SHA-256, type and
 * size, and the previous one's hash — never the bytes. Whether anything changed (the same image again
 * changes nothing and logs nothing).
 */
export async function setOrganizationLogo(db: Database, p: OrganizationEvent & { bytes: Uint8Array }): Promise<boolean> {
  return db.transaction(async (tx) => {
    await requireProfileEditor(tx, p);
    const image = checkLogo(p.bytes);
    if (!image.ok) refuseRule(image, 'logo');
    const before = await getOrganizationLogoHashForUpdate(tx, p.orgId);
    const sha256 = createHash('sha256').update(p.bytes).digest('hex');
    if (before === sha256) return false;
    await putOrganizationLogo(tx, p.orgId, { contentType: image.contentType, sha256, bytes: p.bytes, at: p.at });
    await logOrganizationChange(tx, p, 'organization.logo_changed', {
      sha256,
      contentType: image.contentType,
      byteSize: p.bytes.length,
      previousSha256: before,
    });
    return true;
  });
}

/** An admin removes the organization's logo; `organization.logo_removed` records the removed image's SHA-256. */
export async function removeOrganizationLogo(db: Database, p: OrganizationEvent): Promise<void> {
  await db.transaction(async (tx) => {
    await requireProfileEditor(tx, p);
    const before = await getOrganizationLogoHashForUpdate(tx, p.orgId);
    if (!before) refuse('organization.logo_none');
    await deleteOrganizationLogo(tx, p.orgId);
    await logOrganizationChange(tx, p, 'organization.logo_removed', { previousSha256: before });
  });
}

/**
 * The default language: a display setting, not logged (the operation lets admins only, by the role). Refused on an
 * archived organization, as every other setting: it stays as it was archived. Whether it changed.
 */
export async function setOrganizationLocale(db: Database, p: { orgId: string; locale: string }): Promise<boolean> {
  return db.transaction(async (tx) => {
    await requireOrganizationWritable(tx, p.orgId);
    return setOrganizationDefaultLocale(tx, p.orgId, p.locale);
  });
}
