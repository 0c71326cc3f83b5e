import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { OrgNav } from '@/components/governance/org-nav';
import { OpenPetitionForm } from '@/components/petitions/petition-forms';
import { PetitionList } from '@/components/petitions/petition-list';
import { EmptyState } from '@/components/ui/empty-state';
import { LabelledSection } from '@/components/ui/labelled-section';
import { PageHeader } from '@/components/ui/page-header';
import { loadPetitionsPage } from '@/db/read/petitions';
import type { PetitionSummary } from '@/db/read/petitions';
import { loadOrgPage } from '@/lib/auth/org-page';
import { now } from '@/lib/clock';
import type { Ratio } from '@/lib/governance/types';
import { bodyInSentence } from '@/lib/i18n/words';
import { openPetitionAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('petitions');
  return { title: t('title') };
}

// Each group's heading is the message `petitions.group_<id>`.
const groups: { id: 'overdue' | 'awaiting' | 'open' | 'answered' | 'closed'; kinds: PetitionSummary['phase']['kind'][] }[] = [
  { id: 'overdue', kinds: ['overdue'] },
  { id: 'awaiting', kinds: ['awaiting_answer'] },
  { id: 'open', kinds: ['open'] },
  { id: 'answered', kinds: ['answered'] },
  { id: 'closed', kinds: ['closed'] },
];

/** Every petition of the organization, the overdue first; public like the proposals. */
export default async function PetitionsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { org, user, membership } = await loadOrgPage(slug);
  const page = await loadPetitionsPage(org.id, user?.id ?? null, now());
  const t = await getTranslations('petitions');
  const tc = await getTranslations('common');
  const locale = await getLocale();
  const ratio = (r: Ratio) => tc('ratio', { inclusive: String(r.inclusive), num: r.num, den: r.den });
  const rules = page.ruleParts;

  return (
    <div>
      <OrgNav slug={org.slug} name={org.name} current="petitions" isMember={Boolean(membership)} archivedAt={org.archivedAt} />
      <PageHeader title={t('title')} description={t('description')} />
      {rules ? (
        <p className="mb-6 max-w-3xl text-sm text-zinc-700">
          {t('rules', {
            body: bodyInSentence(rules.bodyName, locale),
            namesPublic: String(rules.signerNamesPublic),
            members: ratio(rules.thresholdOfMembers),
            group: ratio(rules.thresholdOfGroup),
            days: rules.signingDays,
            answerDays: rules.answerWithinDays,
          })}
        </p>
      ) : (
        <EmptyState title={t('noCharterTitle')}>{t('noCharterBody')}</EmptyState>
      )}

      {page.petitions.length === 0 && rules ? <EmptyState title={t('noneTitle')}>{t('noneBody')}</EmptyState> : null}
      <div className="space-y-8">
        {groups.map((g) => {
          const list = page.petitions.filter((p) => g.kinds.includes(p.phase.kind));
          if (list.length === 0) return null;
          return (
            <LabelledSection
              key={g.id}
              id={`petitions-${g.id}`}
              title={t(`group_${g.id}`, { count: list.length })}
              headingClassName={`mb-3 text-lg font-semibold ${g.id === 'overdue' ? 'text-red-800' : ''}`}
            >
              <PetitionList slug={org.slug} petitions={list} />
            </LabelledSection>
          );
        })}
      </div>

      {page.mayOpen && !org.archivedAt ? (
        <LabelledSection
          id="open-petition"
          title={t('openTitle')}
          className="mt-10 max-w-2xl rounded-2xl border border-zinc-200 bg-white p-5 shadow-sm sm:p-6"
          headingClassName="mb-3 text-lg font-semibold"
        >
          <p className="mb-4 text-sm text-zinc-600">{t('openNote')}</p>
          <OpenPetitionForm action={openPetitionAction} orgId={org.id} group={page.viewerGroup} />
        </LabelledSection>
      ) : null}
    </div>
  );
}
