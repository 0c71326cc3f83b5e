'use client';

import { usePathname } from 'next/navigation';
import { useEffect, useRef } from 'react';

/**
 * The small-screen menu: a <details> disclosure (it opens by keyboard, and without JavaScript).
 * With JavaScript it also closes when the page changes — the header persists across navigations —
 * and on Escape, which returns focus to the Menu button.
 */
export function HeaderMenu({ summary, children }: { summary: React.ReactNode; children: React.ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  const pathname = usePathname();
  useEffect(() => {
    if (ref.current) ref.current.open = false;
  }, [pathname]);
  const onKeyDown = (event: React.KeyboardEvent<HTMLDetailsElement>) => {
    const details = ref.current;
    if (event.key !== 'Escape' || !details?.open) return;
    details.open = false;
    details.querySelector('summary')?.focus();
  };
  return (
    <details ref={ref} onKeyDown={onKeyDown} className="group sm:hidden">
      {summary}
      {children}
    </details>
  );
}
