import 'server-only';
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { classifyAddress, isAllowedDestination } from './address';

/** Why a webhook URL may not be used; the codes are the refusal catalogue's (lib/governance/messages.ts). */
export type DestinationRefusal =
  | { ok: false; code: 'webhook.url_invalid' }
  | { ok: false; code: 'webhook.url_unresolvable'; host: string }
  | { ok: false; code: 'webhook.url_private'; host: string; address: string };

export type Destination = { ok: true; url: URL; host: string; addresses: { address: string; family: 4 | 6 }[] };

/** The host part of a URL as an address or a name: IPv6 literals lose their brackets. */
export function hostOf(url: URL): string {
  return url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
}

/** The URL if webhooks may be sent to it at all (http or https, no credentials, a host), else null. Pure. */
export function parseWebhookUrl(text: string): URL | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password || !url.hostname) return null;
  return url;
}

export type Resolver = (host: string) => Promise<{ address: string; family: number }[]>;

const systemResolver: Resolver = (host) => lookup(host, { all: true, verbatim: true });

/**
 * Resolves the URL's host and checks EVERY address it resolves to (one private address among
 * public ones is enough to refuse: the connection could pick it). IP literals are checked as they
 * are. `allowPrivate` is the operator's QUORATE_WEBHOOKS_ALLOW_PRIVATE.
 */
export async function checkDestination(text: string, allowPrivate: boolean, resolve: Resolver = systemResolver): Promise<Destination | DestinationRefusal> {
  const url = parseWebhookUrl(text);
  if (!url) return { ok: false, code: 'webhook.url_invalid' };
  const host = hostOf(url);
  let addresses: { address: string; family: number }[];
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) }];
  else {
    try {
      addresses = await resolve(host);
    } catch {
      return { ok: false, code: 'webhook.url_unresolvable', host };
    }
  }
  if (addresses.length === 0) return { ok: false, code: 'webhook.url_unresolvable', host };
  for (const a of addresses) {
    if (!isAllowedDestination(a.address, allowPrivate))
      return { ok: false, code: 'webhook.url_private', host, address: `${a.address}, ${classifyAddress(a.address)}` };
  }
  return { ok: true, url, host, addresses: addresses.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 })) };
}
