import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ApiTokensSection } from '@/components/account/api-tokens-section';
import { CalendarFeedSection } from '@/components/account/calendar-feed-section';
import { DeleteAccountForm } from '@/components/account/delete-account-form';
import { LocaleForm } from '@/components/account/locale-form';
import { NameForm } from '@/components/account/name-form';
import { setMyLocaleAction } from './actions';
import { PageHeader } from '@/components/ui/page-header';
import { loadApiTokenSection } from '@/db/read/api-tokens';
import { loadCalendarFeedStatus, loadCalendarOrganizationCount } from '@/db/read/calendar';
import { loadUserLocale } from '@/db/read/user-locale';
import { appOrigin } from '@/lib/auth/origin';
import { requireUser } from '@/lib/auth/session';
import { now } from '@/lib/clock';
import { PageMessages } from '@/components/i18n/page-messages';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('account');
  return { title: t('title') };
}

export default async function AccountPage() {
  const user = await requireUser('/account');
  const [feed, organizations, origin, api, locale] = await Promise.all([
    loadCalendarFeedStatus(user.id),
    loadCalendarOrganizationCount(user.id),
    appOrigin(),
    loadApiTokenSection(user.id),
    loadUserLocale(user.id),
  ]);
  const t = await getTranslations('account');
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return (
    <PageMessages namespaces={['account']}>
      <div className="mx-auto max-w-xl space-y-6">
        <PageHeader title={t('title')} description={t('signedInAs', { email: user.email })} />
        <div className="space-y-4 rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm">
          {user.name ? null : <p className="rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">{t('noName')}</p>}
          <NameForm name={user.name} />
        </div>
        <div className="rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm">
          <LocaleForm action={setMyLocaleAction} scope="person" current={locale} />
        </div>
        <CalendarFeedSection
          origin={origin}
          organizations={organizations}
          feed={
            feed
              ? {
                  createdAt: feed.createdAt.toISOString(),
                  rotatedAt: feed.rotatedAt?.toISOString() ?? null,
                  lastUsedAt: feed.lastUsedAt?.toISOString() ?? null,
                }
              : null
          }
        />
        <ApiTokensSection
          now={now().toISOString()}
          organizations={api.organizations}
          tokens={api.tokens.map((t) => ({
            id: t.id,
            name: t.name,
            scope: t.scope,
            orgName: t.orgName,
            expiresAt: t.expiresAt.toISOString(),
            lastUsedAt: iso(t.lastUsedAt),
            revokedAt: iso(t.revokedAt),
            createdAt: t.createdAt.toISOString(),
          }))}
        />
        <section aria-labelledby="export-heading" className="space-y-3 rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm">
          <h2 id="export-heading" className="text-lg font-semibold text-zinc-900">
            {t('dataTitle')}
          </h2>
          <p className="text-sm text-zinc-700">{t('dataBody')}</p>
          <a
            href="/account/export"
            download
            className="inline-flex min-h-11 items-center justify-center rounded-lg border border-zinc-300 bg-white px-4 py-2 text-sm font-semibold text-zinc-900 shadow-sm hover:bg-zinc-50"
          >
            {t('dataDownload')}
          </a>
        </section>
        <div className="rounded-2xl border border-red-200 bg-white p-6 shadow-sm">
          <DeleteAccountForm />
        </div>
      </div>
    </PageMessages>
  );
}
