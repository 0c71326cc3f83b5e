import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { adminSettingsPage } from '../profile/admin-settings-page';
import { ArchiveForm, UnarchiveForm } from './archive-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('settings'))('archiveTitle') };
}

const archiving = (orgId: string, name: string, refused: string) => (
  <>
    <p className="text-sm text-zinc-700">{refused}</p>
    <ArchiveForm orgId={orgId} name={name} />
  </>
);

export default adminSettingsPage('/settings/archive', ({ org }, t) => ({
  title: org.archivedAt ? t('unarchiveTitle') : t('archiveTitle'),
  description: t('archiveDescription'),
  adminsOnly: t('archiveAdminsOnly'),
  form: org.archivedAt ? <UnarchiveForm orgId={org.id} /> : archiving(org.id, org.name, t('archiveRefused')),
}));
