/** The public warning shown when an organization's decision log, or an entry on the page, does not verify. */
export function LogIntegrityWarning({ warning }: { warning: string | null }) {
  if (!warning) return null;
  return (
    <div role="alert" data-log-integrity="failed" className="mb-6 rounded-xl border-2 border-red-400 bg-red-50 p-4 text-sm text-red-950">
      <p className="font-bold">{warning}</p>
      <p className="mt-1">
        What this site shows may have been changed after it was recorded. Check the record yourself with the verifier, against a verifier key you noted earlier.
      </p>
    </div>
  );
}
