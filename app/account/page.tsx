import type { Metadata } from 'next';
import { NameForm } from '@/components/account/name-form';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Your account' };

export default async function AccountPage() {
  const user = await requireUser('/account');
  return (
    <div className="mx-auto max-w-xl">
      <PageHeader title="Your account" description={`Signed in as ${user.email}.`} />
      <div className="rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm">
        <NameForm name={user.name} />
      </div>
    </div>
  );
}
