'use client';

import { useEffect, useState, useSyncExternalStore } from 'react';

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

/** One action's confirmation: shown until dismissed or the next page; the cookie is dropped once seen. */
export function FlashMessage({ message }: { message: string }) {
  const [open, setOpen] = useState(true);
  useEffect(() => {
    document.cookie = `${FLASH_COOKIE}=; Max-Age=0; Path=/; SameSite=Lax`;
  }, []);
  if (!open) return null;
  return (
    <div className="pointer-events-auto flex max-w-md items-start gap-3 rounded-xl border border-emerald-300 bg-emerald-50 px-4 py-3 text-sm text-emerald-950 shadow-lg">
      <p>{message}</p>
      <button
        type="button"
        onClick={() => setOpen(false)}
        className="shrink-0 rounded px-1 font-semibold text-emerald-900 hover:bg-emerald-100"
        aria-label="Dismiss this message"
      >
        ×
      </button>
    </div>
  );
}
