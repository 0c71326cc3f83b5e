import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import { nextServerOrigin } from './next-origin';

// Guards the one Next.js internal the public page cache relies on (see next-origin.ts).

const saved = process.env.__NEXT_PRIVATE_ORIGIN;
afterEach(() => {
  if (saved === undefined) delete process.env.__NEXT_PRIVATE_ORIGIN;
  else process.env.__NEXT_PRIVATE_ORIGIN = saved;
});

describe('next-origin adapter', () => {
  it("finds the installed Next's server start still recording its origin in __NEXT_PRIVATE_ORIGIN", () => {
    const require = createRequire(import.meta.url);
    const startServer = readFileSync(require.resolve('next/dist/server/lib/start-server.js'), 'utf8');
    expect(
      /process\.env\.__NEXT_PRIVATE_ORIGIN\s*=\s*appUrl/.test(startServer),
      'next no longer sets process.env.__NEXT_PRIVATE_ORIGIN = appUrl on start: update lib/public-cache/next-origin.ts',
    ).toBe(true);
    // …and appUrl is the protocol, host and port it listens on.
    expect(startServer).toMatch(/const appUrl = `\$\{protocol\}:\/\/\$\{formattedHostname\}:\$\{port\}`/);
  });

  it('reads the variable when Next set it, else the fallback', () => {
    process.env.__NEXT_PRIVATE_ORIGIN = 'http://localhost:4321';
    expect(nextServerOrigin('http://fallback.test')).toBe('http://localhost:4321');
    delete process.env.__NEXT_PRIVATE_ORIGIN;
    expect(nextServerOrigin('http://fallback.test')).toBe('http://fallback.test');
    process.env.__NEXT_PRIVATE_ORIGIN = '';
    expect(nextServerOrigin('http://fallback.test')).toBe('http://fallback.test');
  });
});
