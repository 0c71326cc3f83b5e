import type { Metadata } from 'next';
import Link from 'next/link';
import { env } from '@/lib/env';
import { signInLinkMinutes } from '@/lib/auth/links';

export const metadata: Metadata = { title: 'Check your e-mail' };

export default function CheckEmailPage() {
  const devMail = !env().isProduction && !env().smtpUrl;
  return (
    <div className="mx-auto max-w-lg rounded-2xl border border-zinc-200 bg-white p-8 text-center shadow-sm">
      <h1 className="text-2xl font-bold">Check your e-mail</h1>
      <p className="mt-3 text-zinc-600">A sign-in link is on its way. It works once and expires in {signInLinkMinutes} minutes. You can close this tab.</p>
      {devMail ? (
        <p className="mt-6 rounded-lg bg-amber-50 p-3 text-sm text-amber-900">
          No SMTP server is configured, so the message was written to the local mail folder.{' '}
          <Link href="/dev/mail" className="font-semibold underline">
            Open the development mailbox
          </Link>
          .
        </p>
      ) : null}
    </div>
  );
}
