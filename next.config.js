// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM + data files that must be loaded from node_modules at run time,
  // not bundled; postgres.js and nodemailer are plain Node libraries.
  serverExternalPackages: ['@electric-sql/pglite', 'postgres', 'nodemailer', 'rate-limiter-flexible'],
  poweredByHeader: false,
  // proxy.ts sees requests as they came: by default Next.js takes the client-side navigation's headers (`RSC`,
  // `Next-Router-State-Tree`…) and its `_rsc` parameter off the request before the proxy sees it, so the public page
  // cache could not tell a navigation from a document and answered it with the cached HTML, which made the browser
  // reload the whole page (e2e/public.spec.ts). lib/public-cache/policy.ts passes such requests through.
  skipProxyUrlNormalize: true,
  // QUORATE_BUILD_TYPECHECK=0 skips the type check `next build` runs itself: only for .ci/run, whose typecheck step
  // (`npm run typecheck`, the whole project) has passed before it builds. Every other build checks types.
  typescript: { ignoreBuildErrors: process.env.QUORATE_BUILD_TYPECHECK === '0' },
  typedRoutes: false,
  // What next-intl's plugin does, without wrapping this config (proxy.ts imports it): point
  // `next-intl/config` at the request's language and catalogue (lib/i18n/request.ts).
  turbopack: { resolveAlias: { 'next-intl/config': './lib/i18n/request.ts' } },
  experimental: {
    serverActions: {
      // Bound every action body: governance texts are long, but not megabytes.
      bodySizeLimit: '1mb',
    },
  },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
