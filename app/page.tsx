import { getTranslations } from 'next-intl/server';
import { loadHomePage } from '@/db/read/public-pages';
import { OrganizationCard } from '@/components/organizations/organization-card';
import { EmptyState } from '@/components/ui/empty-state';
import { LinkButton } from '@/components/ui/link-button';
import { getSessionUser } from '@/lib/auth/session';

export default async function HomePage() {
  const user = await getSessionUser();
  const { publicOrgs, mine } = await loadHomePage(user?.id ?? null);
  const t = await getTranslations('home');
  const tRoles = await getTranslations('roles');

  return (
    <div className="space-y-12">
      <section aria-labelledby="intro" className="rounded-2xl bg-gradient-to-br from-brand-800 to-brand-600 px-6 py-10 text-white sm:px-10">
        <h1 id="intro" className="max-w-2xl text-3xl font-bold tracking-tight sm:text-4xl">
          {t('heading')}
        </h1>
        <p className="mt-4 max-w-2xl text-brand-100">{t('intro')}</p>
        <div className="mt-6 flex flex-wrap gap-3">
          {user ? (
            <a href="/orgs/new" className="rounded-lg bg-white px-4 py-2 text-sm font-semibold text-brand-800 hover:bg-brand-50">
              {t('create')}
            </a>
          ) : (
            <a href="/signin" className="rounded-lg bg-white px-4 py-2 text-sm font-semibold text-brand-800 hover:bg-brand-50">
              {t('signIn')}
            </a>
          )}
          <a href="#public-orgs" className="rounded-lg border border-white/40 px-4 py-2 text-sm font-semibold text-white hover:bg-white/10">
            {t('browse')}
          </a>
        </div>
      </section>

      {user ? (
        <section aria-labelledby="mine">
          <h2 id="mine" className="mb-4 text-xl font-semibold">
            {t('mine')}
          </h2>
          {mine.length === 0 ? (
            <EmptyState title={t('noneTitle')}>
              <p className="mb-4">{t('none', { email: user.email })}</p>
              <LinkButton href="/orgs/new">{t('create')}</LinkButton>
            </EmptyState>
          ) : (
            <ul className="grid gap-4 sm:grid-cols-2">
              {mine.map((o) => (
                <OrganizationCard key={o.id} slug={o.slug} name={o.name} badge={tRoles(o.role)} />
              ))}
            </ul>
          )}
        </section>
      ) : null}

      <section aria-labelledby="public-orgs-title" id="public-orgs">
        <h2 id="public-orgs-title" className="text-xl font-semibold">
          {t('public')}
        </h2>
        <p className="mt-1 mb-4 text-sm text-zinc-600">{t('publicIntro')}</p>
        {publicOrgs.length === 0 ? (
          <EmptyState title={t('noPublicTitle')}>{t('noPublic')}</EmptyState>
        ) : (
          <ul className="grid gap-4 sm:grid-cols-2">
            {publicOrgs.map((o) => (
              <OrganizationCard key={o.id} slug={o.slug} name={o.name} mission={o.mission} memberCount={o.memberCount} logoSha256={o.logoSha256} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
