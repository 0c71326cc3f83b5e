import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="rounded-xl border border-zinc-200 bg-white p-8">
      <h1 className="text-xl font-bold text-zinc-900">Not found</h1>
      <p className="mt-2 text-zinc-600">There is no page here, or it is not public.</p>
      <Link href="/" className="mt-6 inline-block font-semibold text-brand-700 underline">
        Back to the home page
      </Link>
    </div>
  );
}
