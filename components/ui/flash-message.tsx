'use client';

import { useEffect, useRef, useState, useSyncExternalStore } from 'react';

const FLASH_COOKIE = 'quorate-flash';

let regions = 0;
const listeners = new Set<() => void>();
const emit = () => {
  for (const l of listeners) l();
};
function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** True while the page shows a FlashRegion: forms then leave their success message to it. */
export function useFlashRegionMounted(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => regions > 0,
    () => false,
  );
}

export function FlashRegionMarker() {
  useEffect(() => {
    regions += 1;
    emit();
    return () => {
      regions -= 1;
      emit();
    };
  }, []);
  return null;
}

/** One action's confirmation: shown until dismissed or the next page; the cookie is dropped once seen. `dismissLabel`: the close button's name (FlashRegion words it in the reader's language). */
export function FlashMessage({ message, dismissLabel }: { message: string; dismissLabel: string }) {
  const [open, setOpen] = useState(true);
  const text = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    document.cookie = `${FLASH_COOKIE}=; Max-Age=0; Path=/; SameSite=Lax`;
    // The form that was submitted may be gone (its action done), leaving focus on the page body: the confirmation takes it.
    if (!document.activeElement || document.activeElement === document.body) text.current?.focus();
  }, []);
  if (!open) return null;
  return (
    <div className="pointer-events-auto flex max-w-md items-center gap-2 rounded-xl border border-emerald-300 bg-emerald-50 py-1 pr-1 pl-4 text-sm text-emerald-950 shadow-lg">
      <p ref={text} tabIndex={-1} className="py-2">
        {message}
      </p>
      <button
        type="button"
        onClick={() => setOpen(false)}
        className="inline-flex size-11 shrink-0 items-center justify-center rounded-lg text-lg font-semibold text-emerald-900 hover:bg-emerald-100"
        aria-label={dismissLabel}
      >
        ×
      </button>
    </div>
  );
}
