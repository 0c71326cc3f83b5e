import 'server-only';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { checkDestination } from './destination';
import type { Resolver } from './destination';

/** A new signing secret in the Standard Webhooks format: `whsec_` and 32 random bytes in base64. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/** How many characters of a receiver's answer are kept for the admins' delivery list. */
export const responseExcerptLength = 500;

export type SendResult = { ok: boolean; status: number | null; response: string };

export type SendOptions = { allowPrivate: boolean; timeoutMs: number; resolve?: Resolver; signedAt?: Date };

/**
 * A lookup that answers with the one address already resolved and checked: the connection goes
 * there and nowhere else, so a DNS answer that changes between the check and the connection
 * (DNS rebinding) cannot send it to an internal address.
 */
function pinnedLookup(address: string, family: 4 | 6): LookupFunction {
  return (_host, options, callback) => {
    if (options.all) (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address, family }]);
    else callback(null, address, family);
  };
}

/**
 * POSTs one signed delivery (Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature),
 * after checking where the URL resolves to NOW (not only at registration), pinned to the checked
 * address, never following a redirect (a 3xx is a failure), within `timeoutMs`. Never throws:
 * what happened is in the result, in words fit for the organization's admins.
 */
export async function sendWebhook(target: { url: string; secret: string }, messageId: string, body: string, opts: SendOptions): Promise<SendResult> {
  const destination = await checkDestination(target.url, opts.allowPrivate, opts.resolve);
  if (!destination.ok) {
    const why =
      destination.code === 'webhook.url_invalid'
        ? 'Not sent: the URL is not an http(s) address.'
        : destination.code === 'webhook.url_unresolvable'
          ? `Not sent: the host ${destination.host} could not be resolved.`
          : `Not sent: ${destination.host} resolves to a private or internal address (${destination.address}).`;
    return { ok: false, status: null, response: why };
  }
  const { url, addresses } = destination;
  const pinned = addresses[0]!;
  // The signature's time is the wall clock's, not the test clock's: receivers compare it with theirs.
  const signedAt = opts.signedAt ?? new Date();
  const signature = new Webhook(target.secret).sign(messageId, signedAt, body);
  const headers = {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(body)),
    'user-agent': 'Quorate-Webhooks/1',
    'webhook-id': messageId,
    'webhook-timestamp': String(Math.floor(signedAt.getTime() / 1000)),
    'webhook-signature': signature,
  };
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<SendResult>((resolve) => {
    let settled = false;
    const finish = (result: SendResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const request = client.request(url, { method: 'POST', headers, agent: false, lookup: pinnedLookup(pinned.address, pinned.family) }, (response) => {
      const status = response.statusCode ?? 0;
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        text += chunk;
        // Enough for the excerpt: the rest of a large answer is not read.
        if (text.length >= responseExcerptLength) {
          response.destroy();
          done();
        }
      });
      const done = () => {
        const excerpt = text.slice(0, responseExcerptLength);
        if (status >= 300 && status < 400) {
          const where = response.headers.location ? ` to ${String(response.headers.location).slice(0, 200)}` : '';
          finish({
            ok: false,
            status,
            response: `Redirect${where} not followed (webhooks never follow redirects). ${excerpt}`.slice(0, responseExcerptLength),
          });
        } else finish({ ok: status >= 200 && status < 300, status, response: excerpt });
      };
      response.on('end', done);
      response.on('error', done);
      response.on('close', done);
    });
    const timer = setTimeout(() => {
      request.destroy();
      finish({ ok: false, status: null, response: `No answer within ${opts.timeoutMs / 1000} s.` });
    }, opts.timeoutMs);
    request.on('error', (error: NodeJS.ErrnoException) => {
      finish({ ok: false, status: null, response: `Could not connect (${error.code ?? 'error'}).` });
    });
    request.end(body);
  });
}
