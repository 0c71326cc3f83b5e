import type { Metadata } from 'next';
import Link from 'next/link';
import { loadNotificationPreferences } from '@/db/read/member-pages';
import { MemberPageShell } from '@/components/governance/member-page-shell';
import { DescriptionList } from '@/components/ui/description-list';
import { LabelledSection } from '@/components/ui/labelled-section';
import { loadMemberPage } from '@/lib/auth/member-page';
import { kindLabels, mandatoryReasons } from '@/lib/notify/kinds';
import { PreferencesForm } from './preferences-form';

export const metadata: Metadata = { title: 'Notification preferences' };

type Props = { params: Promise<{ slug: string }> };

export default async function NotificationPreferencesPage({ params }: Props) {
  const { user, org, membership } = await loadMemberPage(params, '/settings/notifications');
  const modes = await loadNotificationPreferences(user.id, org.id);
  return (
    <MemberPageShell org={org} current="notifications" title="Notification preferences" description={`What ${org.name} e-mails you about, and when.`}>
      <div className="grid gap-8 lg:grid-cols-[1fr_22rem]">
        <PreferencesForm orgId={org.id} modes={modes} />
        <LabelledSection
          id="mandatory"
          title="Always sent"
          className="self-start rounded-2xl border border-amber-200 bg-amber-50 p-5 text-sm text-amber-950"
          headingClassName="mb-2 font-semibold"
        >
          <DescriptionList
            className="space-y-3"
            termClassName="font-medium"
            items={(Object.keys(mandatoryReasons) as (keyof typeof mandatoryReasons)[]).map(
              (k) => [k === 'proposal_published' ? 'New proposals your body decides' : kindLabels[k], mandatoryReasons[k]] as const,
            )}
          />
          {membership.role === 'admin' ? (
            <p className="mt-4">
              <Link href={`/o/${org.slug}/delivery`} className="font-medium text-brand-700 underline">
                E-mail delivery and failed messages
              </Link>
            </p>
          ) : null}
        </LabelledSection>
      </div>
    </MemberPageShell>
  );
}
