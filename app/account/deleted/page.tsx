import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/ui/page-header';

export const metadata: Metadata = { title: 'Account deleted' };

/** Where deleting an account lands: the person is signed out by then, so this page needs no session and shows nothing of anyone. */
export default function AccountDeletedPage() {
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <PageHeader title="Your account has been deleted" description="You are signed out." />
      <div className="space-y-3 rounded-2xl border border-zinc-200 bg-white p-6 text-sm text-zinc-700 shadow-sm">
        <p>Your name and e-mail address are gone, and you have left every organization you belonged to.</p>
        <p>Each organization’s public decision log records the deletion under a random pseudonym, and shows that pseudonym where you appeared before.</p>
        <p>
          <Link href="/" className="font-semibold text-brand-800 underline">
            Back to the home page
          </Link>
        </p>
      </div>
    </div>
  );
}
