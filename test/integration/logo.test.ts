/**
 * An organization's logo: an admin sets a PNG, JPEG or WebP of at most 256 KB, judged by its bytes; a
 * disguised file (HTML named .png, an SVG, a 2 MB PNG, an empty file) is refused in plain words and
 * changes nothing; each change is logged with the image's SHA-256, never its bytes. The logo route
 * serves it with its type, nosniff and an ETag, and a private organization's only to its members.
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { decisionLog, organizationLogos, organizations } from '@/db/schema';
import { initialActionState } from '@/lib/actions/state';
import { formatMessage } from '@/lib/governance/messages';
import type { RefusalCode } from '@/lib/governance/messages';
import { GET as logoGET } from '@/app/o/[slug]/logo/route';
import { foundOrganization, insertUser } from './fixtures/organization';
import type { FoundedOrganization } from './fixtures/organization';
import { form, session, signInAs, withTestDatabase } from './helpers';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock('@/lib/actions/flash', () => ({ setFlash: async () => {} }));

const { setOrganizationLogoAction, removeOrganizationLogoAction } = await import('@/app/o/[slug]/settings/profile/actions');

let db: Database;
let org: FoundedOrganization;
withTestDatabase({ app: true }, async (handle) => {
  db = handle.db;
  org = await foundOrganization(db, { slug: 'logo-co', name: 'Logo Co', seated: 2, at: new Date('2026-05-01T09:00:00Z') });
});

const png = (size = 200) => {
  const b = new Uint8Array(size);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  return b;
};
const jpeg = () => new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 0xff, 0xd9]);
const webp = () => new TextEncoder().encode('RIFF\x20\x00\x00\x00WEBPVP8 \x14\x00\x00\x00abcdefghijklmnopqrst');
const text = (s: string) => new TextEncoder().encode(s);
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

const as = (userId: string) => signInAs({ id: userId, email: `${userId}@example.org`, name: null });
const upload = (bytes: Uint8Array, name = 'logo.png', type = 'image/png') => {
  const fd = form({ orgId: org.orgId });
  fd.append('logo', new File([new Uint8Array(bytes)], name, { type }));
  return setOrganizationLogoAction(initialActionState, fd);
};
const remove = () => removeOrganizationLogoAction(initialActionState, form({ orgId: org.orgId }));

const logoEntries = () => db.select().from(decisionLog).where(eq(decisionLog.orgId, org.orgId)).orderBy(decisionLog.seq);
const stored = async () => (await db.select().from(organizationLogos).where(eq(organizationLogos.orgId, org.orgId)))[0] ?? null;
const state = async () => ({ logo: await stored(), log: (await logoEntries()).length });
const getLogo = (headers: Record<string, string> = {}) =>
  logoGET(new Request(`http://quorate.test/o/${org.slug}/logo`, { headers }), { params: Promise.resolve({ slug: org.slug }) });

beforeEach(() => as(org.admin.userId));

/** The upload is refused with `code` in plain words, on the logo field, and neither the logo nor the log changes. */
async function expectRefused(code: RefusalCode, run: () => ReturnType<typeof upload>) {
  const before = await state();
  const result = await run();
  expect(result).toMatchObject({ ok: false, code });
  expect(result.message).not.toMatch(/\{|\}|organization\.[a-z]|undefined/);
  expect(await state()).toEqual(before);
  return result;
}

describe('setting the logo', () => {
  it('refuses a disguised file, an SVG, a 2 MB PNG and an empty file in plain words, and changes nothing', async () => {
    const html = await expectRefused('organization.logo_type', () => upload(text('<!doctype html><script>alert(1)</script>'), 'logo.png', 'image/png'));
    expect(html.fieldErrors?.logo).toEqual([formatMessage('organization.logo_type')]);
    expect(html.message).toContain('not a PNG, JPEG or WebP image');
    const svg = await expectRefused('organization.logo_type', () =>
      upload(text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'logo.svg', 'image/svg+xml'),
    );
    expect(svg.message).toContain('SVG is not accepted');
    // A PNG signature with an HTML body: the IHDR chunk is missing, so it is not a PNG.
    await expectRefused('organization.logo_type', () => upload(new Uint8Array([...png(16).slice(0, 8), ...text('<html><script>alert(1)</script>')])));
    const big = await expectRefused('organization.logo_too_large', () => upload(png(2 * 1024 * 1024)));
    expect(big.message).toContain('The image is 2 MB; a logo may be at most 256 KB.');
    await expectRefused('organization.logo_too_large', () => upload(png(256 * 1024 + 1)));
    await expectRefused('organization.logo_missing', () => upload(new Uint8Array(), 'empty.png'));
    await expectRefused('organization.logo_missing', () => setOrganizationLogoAction(initialActionState, form({ orgId: org.orgId })));
  });

  it('refuses anyone but an admin of the organization, and changes nothing', async () => {
    as(org.people[3]!.userId);
    await expectRefused('organization.profile_admin_only', () => upload(png()));
    as(await insertUser(db, 'logo-outsider@example.org', 'Outsider'));
    await expectRefused('action.forbidden', () => upload(png()));
    signInAs(null);
    await expectRefused('action.signed_out', () => upload(png()));
  });

  it('stores a PNG, JPEG or WebP at most 256 KB by its bytes, whatever its name says, and logs its SHA-256, never the bytes', async () => {
    for (const [bytes, type] of [
      [png(256 * 1024), 'image/png'],
      [jpeg(), 'image/jpeg'],
      [webp(), 'image/webp'],
    ] as const) {
      const before = (await logoEntries()).length;
      // The declared name and type are ignored: the bytes decide.
      expect(await upload(bytes, 'whatever.txt', 'text/plain')).toMatchObject({ ok: true });
      expect(await stored()).toMatchObject({ contentType: type, sha256: sha(bytes), byteSize: bytes.length });
      const entries = await logoEntries();
      expect(entries.length).toBe(before + 1);
      const entry = entries.at(-1)!;
      expect(entry.kind).toBe('organization.logo_changed');
      expect(entry.actorId).toBe(org.admin.userId);
      expect(entry.payload).toMatchObject({ sha256: sha(bytes), contentType: type, byteSize: bytes.length });
      expect(JSON.stringify(entry.payload).length).toBeLessThan(400);
    }
    // The same image again changes nothing and logs nothing.
    const before = await state();
    expect(await upload(webp())).toMatchObject({ ok: true, message: 'That is already the logo. Nothing changed.' });
    expect(await state()).toEqual(before);
  });

  it('serves the logo with its type, nosniff and its hash as the ETag; a matching If-None-Match is a 304', async () => {
    const bytes = png(300);
    await upload(bytes);
    const res = await getLogo();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('etag')).toBe(`"${sha(bytes)}"`);
    expect(res.headers.get('cache-control')).toBe('public, no-cache');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes);
    const again = await getLogo({ 'If-None-Match': `"${sha(bytes)}"` });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect((await getLogo({ 'If-None-Match': '"something-else"' })).status).toBe(200);
  });

  it("a private organization's logo is its members' alone: outsiders and signed-out visitors get the 404", async () => {
    await upload(png(400));
    await db.update(organizations).set({ isPublic: false }).where(eq(organizations.id, org.orgId));
    try {
      const member = await getLogo();
      expect(member.status).toBe(200);
      expect(member.headers.get('cache-control')).toBe('private, no-store');
      signInAs(null);
      const anonymous = await getLogo();
      expect(anonymous.status).toBe(404);
      as(await insertUser(db, 'private-logo-outsider@example.org', 'Outsider'));
      expect((await getLogo()).status).toBe(404);
    } finally {
      await db.update(organizations).set({ isPublic: true }).where(eq(organizations.id, org.orgId));
    }
  });

  it('an admin removes the logo, logged with its hash; removing none is refused; the route then answers 404', async () => {
    const bytes = png(500);
    await upload(bytes);
    expect(await remove()).toMatchObject({ ok: true });
    expect(await stored()).toBeNull();
    const entry = (await logoEntries()).at(-1)!;
    expect(entry.kind).toBe('organization.logo_removed');
    expect(entry.payload).toEqual({ previousSha256: sha(bytes) });
    expect((await getLogo()).status).toBe(404);
    await expectRefused('organization.logo_none', remove);
    as(org.people[3]!.userId);
    await expectRefused('organization.profile_admin_only', remove);
  });
});
