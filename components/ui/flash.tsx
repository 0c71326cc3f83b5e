'use client';

import { usePathname } from 'next/navigation';
import { useEffect, useSyncExternalStore } from 'react';

/**
 * A success message that outlives its form. After resigning, publishing, replying or backing a
 * motion the page re-renders without the form that was used (the action is no longer on offer),
 * and the form's own message went with it. The message is kept here, outside any form, and shown
 * by the page's <FlashRegion> until it is dismissed or the visitor goes to another page.
 */
type Flash = { id: number; message: string; path: string } | null;

let current: Flash = null;
let regions = 0;
const listeners = new Set<() => void>();
const emit = () => {
  for (const l of listeners) l();
};

export function showFlash(message: string): void {
  current = { id: (current?.id ?? 0) + 1, message, path: window.location.pathname };
  emit();
}

function dismiss(): void {
  current = null;
  emit();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** True while a page shows a FlashRegion: forms then leave their success message to it. */
export function useFlashRegionMounted(): boolean {
  return useSyncExternalStore(subscribe, () => regions > 0, () => false);
}

export function FlashRegion() {
  const pathname = usePathname();
  const flash = useSyncExternalStore(subscribe, () => current, () => null);
  useEffect(() => {
    regions += 1;
    emit();
    return () => {
      regions -= 1;
      emit();
    };
  }, []);
  const visible = flash && flash.path === pathname ? flash : null;
  return (
    <div role="status" aria-live="polite" className="pointer-events-none fixed inset-x-4 bottom-4 z-50 flex justify-center sm:inset-x-auto sm:right-6">
      {visible ? (
        <div key={visible.id} className="pointer-events-auto flex max-w-md items-start gap-3 rounded-xl border border-emerald-300 bg-emerald-50 px-4 py-3 text-sm text-emerald-950 shadow-lg">
          <p>{visible.message}</p>
          <button type="button" onClick={dismiss} className="shrink-0 rounded px-1 font-semibold text-emerald-900 hover:bg-emerald-100" aria-label="Dismiss this message">
            ×
          </button>
        </div>
      ) : null}
    </div>
  );
}
