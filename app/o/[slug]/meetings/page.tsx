import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { ruleWords } from '@/components/governance/rule-words';
import { OrgNav } from '@/components/governance/org-nav';
import { ScheduleMeetingForm } from '@/components/meetings/meeting-forms';
import { meetingRuleWords } from '@/components/meetings/meeting-rule-words';
import { MeetingList } from '@/components/meetings/meeting-list';
import { HeldMotionsNotice } from '@/components/organizations/held-motions-notice';
import { EmptyState } from '@/components/ui/empty-state';
import { LabelledSection } from '@/components/ui/labelled-section';
import { PageHeader } from '@/components/ui/page-header';
import { listHeldMotions } from '@/db/read/meeting-roll-calls';
import { loadMeetingsPage } from '@/db/read/meetings';
import { loadOrgPage } from '@/lib/auth/org-page';
import { now } from '@/lib/clock';
import { scheduleMeetingAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('meetings');
  return { title: t('title') };
}

/** Every meeting of the organization's bodies, upcoming first, irregular ones flagged; public like the proposals. */
export default async function MeetingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { org, membership, user } = await loadOrgPage(slug);
  const [page, held] = await Promise.all([loadMeetingsPage(org.id, user?.id ?? null), listHeldMotions(org.id)]);
  const at = now();
  const upcoming = page.meetings.filter((m) => m.endsAt.getTime() >= at.getTime() && !m.cancelled).reverse();
  const past = page.meetings.filter((m) => m.endsAt.getTime() < at.getTime() || m.cancelled);
  const t = await getTranslations('meetings');
  const tc = await getTranslations('common');
  const { hours } = ruleWords(tc);
  const say = meetingRuleWords(await getTranslations('meetingRules'), tc, await getLocale());

  return (
    <div>
      <OrgNav slug={org.slug} name={org.name} current="meetings" isMember={Boolean(membership)} archivedAt={org.archivedAt} />
      <PageHeader title={t('title')} description={t('description')} />
      <HeldMotionsNotice held={held} slug={org.slug} />
      {page.rulesPart ? <p className="mb-6 max-w-3xl text-sm text-zinc-700">{say(page.rulesPart)}</p> : null}
      {page.meetings.length === 0 ? <EmptyState title={t('none')}>{t('noneHint')}</EmptyState> : null}
      <div className="space-y-8">
        {upcoming.length > 0 ? (
          <LabelledSection id="meetings-upcoming" title={t('upcoming', { count: upcoming.length })} headingClassName="mb-3 text-lg font-semibold">
            <MeetingList slug={org.slug} meetings={upcoming} />
          </LabelledSection>
        ) : null}
        {past.length > 0 ? (
          <LabelledSection id="meetings-past" title={t('past', { count: past.length })} headingClassName="mb-3 text-lg font-semibold">
            <MeetingList slug={org.slug} meetings={past} />
          </LabelledSection>
        ) : null}
      </div>

      {page.bodies.length > 0 && page.notice && !org.archivedAt ? (
        <LabelledSection
          id="schedule-meeting"
          title={t('schedule')}
          className="mt-10 max-w-2xl rounded-2xl border border-zinc-200 bg-white p-5 shadow-sm sm:p-6"
          headingClassName="mb-3 text-lg font-semibold"
        >
          <p className="mb-4 text-sm text-zinc-600">{t('scheduleNote')}</p>
          <ScheduleMeetingForm
            action={scheduleMeetingAction}
            orgId={org.id}
            bodies={page.bodies}
            notice={{ regular: hours(page.notice.regular), special: hours(page.notice.special) }}
          />
        </LabelledSection>
      ) : null}
    </div>
  );
}
