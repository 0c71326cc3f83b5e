import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { loadOrganizationLabel } from '@/db/read/public-pages';
import { PageHeader } from '@/components/ui/page-header';
import { env } from '@/lib/env';
import { verifyUnsubscribeToken } from '@/lib/notify/unsubscribe-token';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('unsubscribe');
  return { title: t('title'), robots: { index: false } };
}

type Props = { searchParams: Promise<{ t?: string; done?: string }> };

/** Reached from the link in a mail's footer; no sign-in. Opening it changes nothing: the button does. */
export default async function UnsubscribePage({ searchParams }: Props) {
  const { t: token, done } = await searchParams;
  const t = await getTranslations('unsubscribe');
  const claim = verifyUnsubscribeToken(env().authSecret, token);
  if (!claim) {
    return (
      <div className="mx-auto max-w-xl">
        <PageHeader title={t('invalidTitle')} description={t('invalidDescription')} />
      </div>
    );
  }
  // Organization names are public; nothing about the person is shown.
  const org = await loadOrganizationLabel(claim.orgId);
  // A notice's name is the one the notification preferences give it (settings.kinds).
  const kinds = await getTranslations('settings');
  const words = {
    what: claim.kind === 'all' ? 'all' : 'one',
    kind: claim.kind === 'all' ? '' : kinds(`kinds.${claim.kind}`),
    known: org ? 'yes' : 'no',
    org: org?.name ?? '',
  };
  return (
    <div className="mx-auto max-w-xl">
      <PageHeader title={done ? t('doneTitle') : t('title')} description={t('description', words)} />
      <div className="rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm">
        {done ? (
          <p role="status">{t('done', words)}</p>
        ) : (
          <form method="post" action={`/unsubscribe/one-click?t=${encodeURIComponent(token!)}`}>
            <input type="hidden" name="from" value="page" />
            <p className="mb-4">{t('confirm', words)}</p>
            <button type="submit" className="rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
              {t('submit')}
            </button>
          </form>
        )}
        <p className="mt-4 text-sm text-zinc-600">
          {t('mandatory')}
          {org ? (
            <>
              {' '}
              {t.rich('preferences', {
                link: (chunks) => (
                  <a className="text-brand-700 underline" href={`/o/${org.slug}/settings/notifications`}>
                    {chunks}
                  </a>
                ),
              })}
            </>
          ) : null}
        </p>
      </div>
    </div>
  );
}
