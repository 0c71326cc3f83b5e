import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { findOrgForMember, loadNotificationPreferences } from '@/db/read/member-pages';
import { OrgNav } from '@/components/governance/org-nav';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/session';
import { kindLabels, mandatoryReasons } from '@/lib/notify/kinds';
import { PreferencesForm } from './preferences-form';

export const metadata: Metadata = { title: 'Notification preferences' };

type Props = { params: Promise<{ slug: string }> };

export default async function NotificationPreferencesPage({ params }: Props) {
  const { slug } = await params;
  const user = await requireUser(`/o/${slug}/settings/notifications`);
  const found = await findOrgForMember(slug, user.id);
  if (!found) notFound();
  const { org, membership } = found;
  if (!membership) notFound();
  const modes = await loadNotificationPreferences(user.id, org.id);
  return (
    <div>
      <OrgNav slug={org.slug} name={org.name} current="notifications" isMember />
      <PageHeader title="Notification preferences" description={`What ${org.name} e-mails you about, and when.`} />
      <div className="grid gap-8 lg:grid-cols-[1fr_22rem]">
        <PreferencesForm orgId={org.id} modes={modes} />
        <section aria-labelledby="mandatory" className="self-start rounded-2xl border border-amber-200 bg-amber-50 p-5 text-sm text-amber-950">
          <h2 id="mandatory" className="mb-2 font-semibold">
            Always sent
          </h2>
          <dl className="space-y-3">
            {(Object.keys(mandatoryReasons) as (keyof typeof mandatoryReasons)[]).map((k) => (
              <div key={k}>
                <dt className="font-medium">{k === 'proposal_published' ? 'New proposals your body decides' : kindLabels[k]}</dt>
                <dd>{mandatoryReasons[k]}</dd>
              </div>
            ))}
          </dl>
          {membership.role === 'admin' ? (
            <p className="mt-4">
              <Link href={`/o/${org.slug}/delivery`} className="font-medium text-brand-700 underline">
                E-mail delivery and failed messages
              </Link>
            </p>
          ) : null}
        </section>
      </div>
    </div>
  );
}
