'use client';

import { useEffect } from 'react';

/** On a narrow screen the section row scrolls sideways: bring the current section into view, without moving the page. */
export function ScrollCurrentSectionIntoView({ navId }: { navId: string }) {
  useEffect(() => {
    const nav = document.getElementById(navId);
    const current = nav?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!nav || !current) return;
    const overflow = current.offsetLeft + current.offsetWidth - (nav.scrollLeft + nav.clientWidth);
    if (overflow > 0 || current.offsetLeft < nav.scrollLeft) nav.scrollLeft = current.offsetLeft - 16;
  }, [navId]);
  return null;
}
