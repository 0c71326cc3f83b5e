import 'server-only';
import { headers } from 'next/headers';
import { env } from '@/lib/env';

/**
 * The origin for links we e-mail. In production it is AUTH_URL, never the request's Host
 * header, which an attacker could set to send victims a link to their own server.
 */
export async function appOrigin(): Promise<string> {
  const e = env();
  if (e.appUrl) return new URL(e.appUrl).origin;
  const h = await headers();
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost:3000';
  const proto = h.get('x-forwarded-proto') ?? 'http';
  return `${proto}://${host}`;
}
