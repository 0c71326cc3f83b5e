import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Sign-in problem' };

const messages: Record<string, string> = {
  Verification: 'This sign-in link has expired or has already been used. Links work once, for a short time.',
  AccessDenied: 'This account may not sign in.',
  Configuration: 'Sign-in is not configured correctly on this server. Tell the administrator.',
  SsoEmailUnverified:
    'Your sign-in provider did not confirm that the e-mail address on your account is yours, so Quorate cannot tell which account to open. Ask the provider’s administrator to verify it, or sign in with an e-mail link instead.',
  OAuthAccountNotLinked: 'This e-mail address already belongs to an account that signs in another way. Sign in with an e-mail link instead.',
};

export default async function SignInErrorPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const { error } = await searchParams;
  const message = (typeof error === 'string' && messages[error]) || 'Something went wrong while signing you in.';
  return (
    <div role="alert" className="mx-auto max-w-lg rounded-2xl border border-zinc-200 bg-white p-8 shadow-sm">
      <h1 className="text-2xl font-bold">Could not sign you in</h1>
      <p className="mt-3 text-zinc-600">{message}</p>
      <Link href="/signin" className="mt-6 inline-block rounded-lg bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800">
        Get a new sign-in link
      </Link>
    </div>
  );
}
