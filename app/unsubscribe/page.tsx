import type { Metadata } from 'next';
import { loadOrganizationLabel } from '@/db/read/public-pages';
import { PageHeader } from '@/components/ui/page-header';
import { env } from '@/lib/env';
import { kindLabels } from '@/lib/notify/kinds';
import { verifyUnsubscribeToken } from '@/lib/notify/unsubscribe-token';

export const metadata: Metadata = { title: 'Unsubscribe', robots: { index: false } };

type Props = { searchParams: Promise<{ t?: string; done?: string }> };

/** Reached from the link in a mail's footer; no sign-in. Opening it changes nothing: the button does. */
export default async function UnsubscribePage({ searchParams }: Props) {
  const { t, done } = await searchParams;
  const claim = verifyUnsubscribeToken(env().authSecret, t);
  if (!claim) {
    return (
      <div className="mx-auto max-w-xl">
        <PageHeader
          title="This unsubscribe link is not valid"
          description="It may have been copied incompletely. Sign in and open your notification preferences instead."
        />
      </div>
    );
  }
  // Organization names are public; nothing about the person is shown.
  const org = await loadOrganizationLabel(claim.orgId);
  const what = claim.kind === 'all' ? 'optional e-mails (the daily digest and every notice you can turn off)' : `“${kindLabels[claim.kind]}” e-mails`;
  return (
    <div className="mx-auto max-w-xl">
      <PageHeader title={done ? 'You are unsubscribed' : 'Unsubscribe'} description={`${org?.name ?? 'This organization'} on Quorate`} />
      <div className="rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm">
        {done ? (
          <p role="status">
            You will no longer receive {what} from {org?.name ?? 'this organization'}.
          </p>
        ) : (
          <form method="post" action={`/unsubscribe/one-click?t=${encodeURIComponent(t!)}`}>
            <input type="hidden" name="from" value="page" />
            <p className="mb-4">
              Stop {what} from {org?.name ?? 'this organization'}?
            </p>
            <button type="submit" className="rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
              Unsubscribe
            </button>
          </form>
        )}
        <p className="mt-4 text-sm text-zinc-600">
          Notices the charter requires — a proposal your body decides, a proposal that names you — cannot be turned off.
          {org ? (
            <>
              {' '}
              Signed-in members can change every setting on the{' '}
              <a className="text-brand-700 underline" href={`/o/${org.slug}/settings/notifications`}>
                notification preferences
              </a>{' '}
              page.
            </>
          ) : null}
        </p>
      </div>
    </div>
  );
}
