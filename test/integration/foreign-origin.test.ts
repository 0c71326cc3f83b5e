import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { proxy } from '@/proxy';
import { formatMessage } from '@/lib/governance/messages';

// A server action posted from another site is refused by the proxy with a plain 403, before any
// action code runs (Next.js's own check would answer a bare 500). The same rule as Next's: the
// Origin's host must be the first X-Forwarded-Host, else Host. e2e/abuse.spec.ts checks the real
// server and that nothing was written.

const action = { 'Next-Action': '7f'.repeat(21), 'Content-Type': 'text/plain;charset=UTF-8', Accept: 'text/x-component' };

function post(path: string, headers: Record<string, string>, body = '["$K1"]') {
  return proxy(new NextRequest(`http://localhost:3241${path}`, { method: 'POST', headers: { Host: 'localhost:3241', ...headers }, body }));
}

describe('a server action from another origin', () => {
  it.each([
    'https://evil.example',
    'http://localhost.evil.example',
    'http://localhost:3241.evil.example',
    'http://localhost:9999',
    'https://localhost:3241.evil.example',
    'null',
    'not a url',
  ])('Origin %s is refused with a plain 403', async (origin) => {
    const response = await post('/account', { ...action, Origin: origin });
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.text()).toBe(formatMessage('action.foreign_origin') + '\n');
  });

  it('a cross-site HTML form post (multipart, no Next-Action header) to a page is refused too', async () => {
    const form = new FormData();
    form.set('$ACTION_ID_' + '7f'.repeat(21), '');
    form.set('name', 'Forged');
    const response = await proxy(
      new NextRequest('http://localhost:3241/account', { method: 'POST', headers: { Host: 'localhost:3241', Origin: 'https://evil.example' }, body: form }),
    );
    expect(response.status).toBe(403);
  });

  it('compares with the first X-Forwarded-Host when a reverse proxy sets one, as Next does', async () => {
    expect((await post('/account', { ...action, Origin: 'https://gov.example.org', 'X-Forwarded-Host': 'gov.example.org, internal:3000' })).status).not.toBe(
      403,
    );
    expect((await post('/account', { ...action, Origin: 'http://localhost:3241', 'X-Forwarded-Host': 'gov.example.org' })).status).toBe(403);
  });

  it.each([
    ['the same origin', { ...action, Origin: 'http://localhost:3241' }],
    ['no Origin at all (not a browser; Next lets it through too)', action],
  ])('%s passes on to Next', async (_what, headers) => {
    const response = await post('/account', headers);
    expect(response.status).not.toBe(403);
    expect(response.headers.get('x-middleware-next')).toBe('1');
  });

  it('mail clients may still POST a one-click unsubscribe from anywhere, and URL-encoded posts are not actions', async () => {
    const form = new FormData();
    form.set('List-Unsubscribe', 'One-Click');
    const oneClick = await proxy(
      new NextRequest('http://localhost:3241/unsubscribe/one-click?t=x', {
        method: 'POST',
        headers: { Host: 'localhost:3241', Origin: 'https://mail.example' },
        body: form,
      }),
    );
    expect(oneClick.status).not.toBe(403);
    const encoded = await post(
      '/unsubscribe/one-click?t=x',
      { Origin: 'https://mail.example', 'Content-Type': 'application/x-www-form-urlencoded' },
      'List-Unsubscribe=One-Click',
    );
    expect(encoded.status).not.toBe(403);
  });

  it('a GET from a link on another site is an ordinary page view', async () => {
    const response = await proxy(new NextRequest('http://localhost:3241/account', { headers: { Host: 'localhost:3241', Origin: 'https://evil.example' } }));
    expect(response.status).not.toBe(403);
  });
});
