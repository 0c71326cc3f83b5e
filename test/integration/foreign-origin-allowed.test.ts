import { NextRequest } from 'next/server';
import { describe, expect, it, vi } from 'vitest';

// A deployment behind a proxy may list hosts in next.config.js's serverActions.allowedOrigins
// (docs/design.md, known pitfalls): Next then runs their actions, so the proxy's origin check
// must let them through too, with Next's own matching (exact hosts and wildcard subdomains).

vi.mock('@/next.config.js', () => ({ default: { experimental: { serverActions: { allowedOrigins: ['gov.example.org', '*.example.net'] } } } }));

const { proxy } = await import('@/proxy');

const post = (origin: string) =>
  proxy(
    new NextRequest('http://internal:3000/account', {
      method: 'POST',
      headers: { Host: 'internal:3000', Origin: origin, 'Next-Action': '7f'.repeat(21), 'Content-Type': 'text/plain;charset=UTF-8' },
      body: '["$K1"]',
    }),
  );

describe('serverActions.allowedOrigins', () => {
  it.each(['https://gov.example.org', 'https://GOV.example.org', 'https://a.example.net'])('%s is allowed, as Next allows it', async (origin) => {
    expect((await post(origin)).status).not.toBe(403);
  });

  it.each(['https://evil.example', 'https://gov.example.org.evil.example', 'https://example.net', 'null'])('%s is still refused', async (origin) => {
    expect((await post(origin)).status).toBe(403);
  });
});
