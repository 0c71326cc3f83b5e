import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { loadNotificationPreferences } from '@/db/read/member-pages';
import { MemberPageShell } from '@/components/governance/member-page-shell';
import { DescriptionList } from '@/components/ui/description-list';
import { LabelledSection } from '@/components/ui/labelled-section';
import { loadMemberPage } from '@/lib/auth/member-page';
import { mandatoryReasons, optionalKinds } from '@/lib/notify/kinds';
import { PreferencesForm } from './preferences-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('settings'))('notificationsTitle') };
}

type Props = { params: Promise<{ slug: string }> };

export default async function NotificationPreferencesPage({ params }: Props) {
  const { user, org, membership } = await loadMemberPage(params, '/settings/notifications');
  const modes = await loadNotificationPreferences(user.id, org.id);
  const t = await getTranslations('settings');
  const tr = await getTranslations();
  // Each optional kind with its name and what it is, and the three modes' names: the form is a client component.
  const kinds = optionalKinds.map((kind) => ({ kind, label: t(`kinds.${kind}`), description: t(`kindDescriptions.${kind}`) }));
  const modeLabels = { immediate: t('mode_immediate'), digest: t('mode_digest'), off: t('mode_off') };
  // Why a mandatory notice cannot be turned off: the words of the e-mails' footers (mail.mandatory, email.whyMandatoryPublished).
  const reason = (k: keyof typeof mandatoryReasons) => (k === 'proposal_published' ? tr('email.whyMandatoryPublished') : tr(`mail.mandatory.${k}`));
  return (
    <MemberPageShell org={org} current="notifications" title={t('notificationsTitle')} description={t('notificationsDescription', { name: org.name })}>
      <div className="grid gap-8 lg:grid-cols-[1fr_22rem]">
        <PreferencesForm orgId={org.id} modes={modes} kinds={kinds} modeLabels={modeLabels} submitLabel={t('savePreferences')} pendingLabel={t('saving')} />
        <LabelledSection
          id="mandatory"
          title={t('alwaysSent')}
          className="self-start rounded-2xl border border-amber-200 bg-amber-50 p-5 text-sm text-amber-950"
          headingClassName="mb-2 font-semibold"
        >
          <DescriptionList
            className="space-y-3"
            termClassName="font-medium"
            items={(Object.keys(mandatoryReasons) as (keyof typeof mandatoryReasons)[]).map(
              (k) => [k === 'proposal_published' ? t('mandatoryPublished') : t(`kinds.${k}`), reason(k)] as const,
            )}
          />
          {membership.role === 'admin' ? (
            <p className="mt-4">
              <Link href={`/o/${org.slug}/delivery`} className="font-medium text-brand-700 underline">
                {t('deliveryLink')}
              </Link>
            </p>
          ) : null}
        </LabelledSection>
      </div>
    </MemberPageShell>
  );
}
