import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { OrgNav } from '@/components/governance/org-nav';
import { EmptyState } from '@/components/ui/empty-state';
import { LabelledSection } from '@/components/ui/labelled-section';
import { PageHeader } from '@/components/ui/page-header';
import { OpenWrittenConsentForm } from '@/components/written-consents/written-consent-forms';
import { WrittenConsentList } from '@/components/written-consents/written-consent-list';
import { loadWrittenConsentsPage } from '@/db/read/written-consents';
import type { WrittenConsentSummary } from '@/db/read/written-consents';
import { loadOrgPage } from '@/lib/auth/org-page';
import { now } from '@/lib/clock';
import { writtenConsentSpecOf } from '@/lib/governance/written-consent';
import { isLocale } from '@/lib/i18n/locales';
import { refusalIn, refusalOfEnglish } from '@/lib/i18n/refusals';
import { openWrittenConsentAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('writtenConsents'))('title') };
}

// Each group's heading is the message writtenConsents.group_<id>.
const groups: { id: 'open' | 'adopted' | 'ended'; kinds: WrittenConsentSummary['phase']['kind'][] }[] = [
  { id: 'open', kinds: ['open'] },
  { id: 'adopted', kinds: ['adopted'] },
  { id: 'ended', kinds: ['expired', 'lapsed', 'withdrawn'] },
];

/** Every written consent of the organization, open ones first; public like the proposals. */
export default async function WrittenConsentsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { org, user, membership } = await loadOrgPage(slug);
  const at = now();
  const page = await loadWrittenConsentsPage(org.id, user?.id ?? null, at);
  const t = await getTranslations('writtenConsents');
  const tc = await getTranslations('charter');
  const asked = await getLocale();
  const locale = isLocale(asked) ? asked : 'en';
  // A body below strength: the rules' refusal, in the reader's language when it is a known refusal's English.
  const blockedText = (english: string) => {
    const refusal = locale === 'en' ? null : refusalOfEnglish(english);
    return (refusal && refusalIn(locale, refusal.code, refusal.params)) ?? english;
  };

  return (
    <div>
      <OrgNav slug={org.slug} name={org.name} current="written-consents" isMember={Boolean(membership)} archivedAt={org.archivedAt} />
      <PageHeader title={t('title')} description={t('description')} />
      {page.charter ? (
        <p className="mb-6 max-w-3xl text-sm text-zinc-700">{tc('writtenConsent', { days: writtenConsentSpecOf(page.charter).expiresAfterDays })}</p>
      ) : null}
      {page.consents.length === 0 ? <EmptyState title={t('noneTitle')}>{t('noneBody')}</EmptyState> : null}
      <div className="space-y-8">
        {groups.map((g) => {
          const list = page.consents.filter((c) => g.kinds.includes(c.phase.kind));
          if (list.length === 0) return null;
          return (
            <LabelledSection
              key={g.id}
              id={`written-consents-${g.id}`}
              title={t(`group_${g.id}`, { count: list.length })}
              headingClassName="mb-3 text-lg font-semibold"
            >
              <WrittenConsentList slug={org.slug} consents={list} now={at} />
            </LabelledSection>
          );
        })}
      </div>

      {page.blocked.map((b) => (
        <p key={b.key} className="mt-6 max-w-3xl rounded-xl border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">
          {blockedText(b.refusal ?? '')}
        </p>
      ))}

      {page.bodies.length > 0 && !org.archivedAt ? (
        <LabelledSection
          id="open-written-consent"
          title={t('openTitle')}
          className="mt-10 max-w-2xl rounded-2xl border border-zinc-200 bg-white p-5 shadow-sm sm:p-6"
          headingClassName="mb-3 text-lg font-semibold"
        >
          <p className="mb-4 text-sm text-zinc-600">{t('openNote')}</p>
          <OpenWrittenConsentForm action={openWrittenConsentAction} orgId={org.id} bodies={page.bodies} />
        </LabelledSection>
      ) : null}
    </div>
  );
}
