import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { PageMessages } from '@/components/i18n/page-messages';
import { adminSettingsPage } from './admin-settings-page';
import { LocaleForm } from '@/components/account/locale-form';
import { setOrganizationLocaleAction } from './actions';
import { LogoForm } from './logo-form';
import { ProfileForm } from './profile-form';
import { ArchivedNote } from '@/components/organizations/archived-note';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('settings'))('profileTitle') };
}

export default adminSettingsPage('/settings/profile', ({ org }, t) => ({
  title: t('profileTitle'),
  description: t('profileDescription'),
  adminsOnly: t('profileAdminsOnly'),
  form: (
    <>
      {/* Archived: the profile, logo and default language are refused (lib/use-cases), so their forms are not offered. */}
      {org.archivedAt ? (
        <ArchivedNote>{t('profileArchived')}</ArchivedNote>
      ) : (
        <>
          <ProfileForm orgId={org.id} name={org.name} mission={org.mission} isPublic={org.isPublic} />
          {/* The logo form's own check speaks `logoForm` too: sent with this page only. */}
          <PageMessages namespaces={['settings', 'logoForm']}>
            <LogoForm orgId={org.id} slug={org.slug} logoSha256={org.logoSha256} />
          </PageMessages>
          <div className="rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm">
            <LocaleForm action={setOrganizationLocaleAction} scope="organization" hidden={{ orgId: org.id }} current={org.defaultLocale} />
          </div>
        </>
      )}
      <p className="text-sm text-zinc-700">
        {t.rich('archiveLine', {
          archived: String(Boolean(org.archivedAt)),
          link: (chunks) => (
            <Link href={`/o/${org.slug}/settings/archive`} className="font-medium text-brand-700 underline">
              {chunks}
            </Link>
          ),
        })}
      </p>
      <p className="text-sm text-zinc-700">
        {t.rich('webhooksLine', {
          link: (chunks) => (
            <Link href={`/o/${org.slug}/settings/webhooks`} className="font-medium text-brand-700 underline">
              {chunks}
            </Link>
          ),
        })}
      </p>
    </>
  ),
}));
