import { getDb } from '@/db/client';
import { getOrganizationLogo } from '@/db/queries/organization-logos';
import { loadReadableOrg, plainNotFound, readerCacheHeaders } from '@/lib/transparency/public-org';

export const dynamic = 'force-dynamic';

/**
 * GET /o/[slug]/logo — the organization's logo, as stored: a PNG, JPEG or WebP checked by its bytes on upload,
 * with that type, `nosniff`, and its SHA-256 as the ETag (a matching If-None-Match answers 304). A public
 * organization's logo is revalidated on every use, so a new logo or a change of visibility shows at once; a
 * private organization's needs membership like its other pages and is never stored by a cache. Unknown, not
 * yours and no logo are the same 404.
 */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const org = await loadReadableOrg((await params).slug);
  const logo = org?.logoSha256 ? await getOrganizationLogo(getDb(), org.id) : null;
  if (!org || !logo) return plainNotFound();
  const etag = `"${logo.sha256}"`;
  const headers = {
    ETag: etag,
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    ...readerCacheHeaders(org, { 'Cache-Control': 'public, no-cache' }),
  };
  const match = request.headers.get('if-none-match');
  if (match && match.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(logo.bytes), { headers: { ...headers, 'Content-Type': logo.contentType, 'Content-Length': String(logo.bytes.length) } });
}
