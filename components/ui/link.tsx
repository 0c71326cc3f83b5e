import NextLink from 'next/link';
import type { ComponentProps } from 'react';

/**
 * The app's links: Next.js's `Link` (client-side navigation, scroll and focus handling) without its automatic
 * prefetch. Every page here is rendered per request, and Next prefetches a dynamic page by rendering its layouts on the
 * server for each link in view: a signed-in page view set off about 30 such requests, and cost the server 252 ms of
 * CPU against 60–70 ms without them (`npm run bench -- --only page-views`, bench/RESULTS.md). A link is fetched when
 * it is followed. Every link of the app goes through this one (ESLint forbids importing `next/link` elsewhere).
 */
export default function Link(props: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={false} {...props} />;
}
