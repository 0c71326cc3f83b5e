import type { ReactNode } from 'react';

/** Why a settings page of an archived organization offers fewer forms than usual (the archive guard refuses the others). */
export function ArchivedNote({ children, className = '' }: { children: ReactNode; className?: string }) {
  return (
    <p role="note" className={`rounded-xl border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 ${className}`}>
      {children}
    </p>
  );
}
