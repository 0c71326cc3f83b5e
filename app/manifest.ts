import type { MetadataRoute } from 'next';

/** The web app manifest, served by Next at /manifest.webmanifest and linked from every page. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: 'Quorate',
    short_name: 'Quorate',
    description: 'Community governance that cannot be hijacked: charters the software enforces, a decision record anyone can verify.',
    start_url: '/',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#4338ca',
    icons: [
      { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml' },
    ],
  };
}
