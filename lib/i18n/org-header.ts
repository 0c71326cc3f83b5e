/**
 * The request header the proxy sets to the organization a page belongs to (/o/[slug]/…), so the
 * request's language can fall back to that organization's default. The proxy always overwrites
 * it: a visitor cannot choose another organization's default (and it decides only the language).
 */
export const ORG_HEADER = 'x-quorate-org';

const ORG_PATH = /^\/o\/([a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?)(?:\/|$)/;

export function orgSlugOfPath(pathname: string): string | null {
  return ORG_PATH.exec(pathname)?.[1] ?? null;
}
