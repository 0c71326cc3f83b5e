import type { Metadata } from 'next';
import Link from 'next/link';
import { adminSettingsPage } from './admin-settings-page';
import { LocaleForm } from '@/components/account/locale-form';
import { setOrganizationLocaleAction } from './actions';
import { LogoForm } from './logo-form';
import { ProfileForm } from './profile-form';

export const metadata: Metadata = { title: 'Organization profile' };

export default adminSettingsPage('/settings/profile', ({ org }) => ({
  title: 'Organization profile',
  description:
    'Name, mission, logo and who can read this organization: every change to these is on the decision log, with what it was before. The default language is a display setting and is not logged.',
  adminsOnly: 'Only admins change the organization’s profile.',
  form: (
    <>
      <ProfileForm orgId={org.id} name={org.name} mission={org.mission} isPublic={org.isPublic} />
      <LogoForm orgId={org.id} slug={org.slug} logoSha256={org.logoSha256} />
      <div className="rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm">
        <LocaleForm action={setOrganizationLocaleAction} scope="organization" hidden={{ orgId: org.id }} current={org.defaultLocale} />
      </div>
      <p className="text-sm text-zinc-700">
        <Link href={`/o/${org.slug}/settings/archive`} className="font-medium text-brand-700 underline">
          {org.archivedAt ? 'Unarchive the organization' : 'Archive the organization'}
        </Link>{' '}
        — keeps its record readable and stops new proposals, comments, ballots and membership changes.
      </p>
      <p className="text-sm text-zinc-700">
        <Link href={`/o/${org.slug}/settings/webhooks`} className="font-medium text-brand-700 underline">
          Webhooks
        </Link>{' '}
        — send each new entry of the decision log to another system, signed.
      </p>
    </>
  ),
}));
