import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { PageMessages } from '@/components/i18n/page-messages';
import { MemberPageShell } from '@/components/governance/member-page-shell';
import { loadMemberPage } from '@/lib/auth/member-page';

type MemberPage = Awaited<ReturnType<typeof loadMemberPage>>;
type Translator = Awaited<ReturnType<typeof getTranslations<'settings'>>>;

/** What one admin settings page shows: its heading, the form an admin gets, and what everyone else reads instead. */
type SettingsView = { title: string; description: string; adminsOnly: string; form: ReactNode };

/**
 * The page component of an organization's admin settings page at `path` under /o/[slug]: members see it, and only
 * admins get its form; signed-out visitors are sent to sign in and outsiders get the 404. The actions check the
 * role again, inside their transaction, since a page is no guard for a POST. Its words are the namespace `settings`, which
 * its client forms read too (PageMessages).
 */
export function adminSettingsPage(path: string, view: (page: MemberPage, t: Translator) => SettingsView) {
  return async function AdminSettingsPage({ params }: { params: Promise<{ slug: string }> }) {
    const page = await loadMemberPage(params, path);
    const { title, description, adminsOnly, form } = view(page, await getTranslations('settings'));
    const isAdmin = page.membership.role === 'admin';
    return (
      <PageMessages namespaces={['settings']}>
        <MemberPageShell org={page.org} current="members" title={title} description={description}>
          <div className="max-w-2xl space-y-6">
            {isAdmin ? form : <p className="rounded-2xl border border-zinc-200 bg-white p-6 text-sm text-zinc-600">{adminsOnly}</p>}
          </div>
        </MemberPageShell>
      </PageMessages>
    );
  };
}
