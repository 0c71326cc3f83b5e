import NextLink from 'next/link';
import type { ComponentProps } from 'react';

/**
 * The app's links: Next.js's `Link` (client-side navigation, scroll and focus handling) without its automatic
 * prefetch. Every page here is rendered per request, and Next prefetches a dynamic page by rendering its layouts on the
 * server for each link in view: a signed-in page view set off about 20 such requests (measured: 20 signed-in views
 * of four pages cost the server 7.1–10.4 s of CPU with prefetching, 2.4–2.7 s without). A link is fetched when it is
 * followed. Every link of the app goes through this one (ESLint forbids importing `next/link` elsewhere).
 */
export default function Link(props: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={false} {...props} />;
}
