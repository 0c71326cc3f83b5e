// Next.js private internal, isolated here: `process.env.__NEXT_PRIVATE_ORIGIN`.
//
// `next start` and `next dev` record where the server listens (protocol, host, chosen port) in
// this variable (next/dist/server/lib/start-server.js); Next 16 has no public API for it. The
// public page cache renders a page by asking its own process there, never through the Host
// header a proxy or an attacker chose. Read on each call, not in lib/env: Next sets it after
// start. next-origin.test.ts fails when an upgrade stops setting it: update this file only.

/** The origin this Next server listens on, or `fallback` when not under `next start`/`next dev`. */
export function nextServerOrigin(fallback: string): string {
  return process.env.__NEXT_PRIVATE_ORIGIN || fallback;
}
