'use client';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="rounded-xl border border-red-200 bg-white p-8">
      <h1 className="text-xl font-bold text-zinc-900">Something went wrong</h1>
      <p className="mt-2 text-zinc-600">
        Nothing you submitted was half-saved: each change is written whole or not at all. Try again; if it keeps failing, tell your organization&rsquo;s admin
        {error.digest ? (
          <>
            {' '}
            and quote reference <code className="rounded bg-zinc-100 px-1">{error.digest}</code>
          </>
        ) : null}
        .
      </p>
      <button type="button" onClick={reset} className="mt-6 rounded-lg bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800">
        Try again
      </button>
    </div>
  );
}
