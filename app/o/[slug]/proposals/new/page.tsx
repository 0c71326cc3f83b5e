import { electionTargets } from '@/lib/governance/election';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { OrgNav } from '@/components/governance/org-nav';
import { seatClassName } from '@/components/governance/body-card';
import { NewProposalForm } from '@/components/proposals/new-proposal-form';
import { PageHeader } from '@/components/ui/page-header';
import { methodNameIn, ruleWordText } from '@/components/governance/rule-word-text';
import { defaultDeclaration, defaultDeclarationPart, isClassSeat, seatClassLabel } from '@/lib/governance/seat-class';
import type { Ratio } from '@/lib/governance/types';
import { loadOrgPage } from '@/lib/auth/org-page';
import { requireUser } from '@/lib/auth/session';
import { now } from '@/lib/clock';
import { loadNewProposalPage } from '@/db/read/new-proposal-page';
import { listHeldMotions } from '@/db/read/meeting-roll-calls';
import { motionWords } from '@/components/meetings/motion-words';
import { PageMessages } from '@/components/i18n/page-messages';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('newProposal');
  return { title: t('title') };
}

const knownClasses = ['general', 'independent', 'employee_representative', 'member_elected'] as const;
const isKnownClass = (key: string): key is (typeof knownClasses)[number] => (knownClasses as readonly string[]).includes(key);

export default async function NewProposalPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ ratifies?: string | string[]; ratifiesMotion?: string | string[] }>;
}) {
  const { slug } = await params;
  const { ratifies, ratifiesMotion } = await searchParams;
  await requireUser(`/o/${slug}/proposals/new`);
  const { org, membership } = await loadOrgPage(slug);
  if (!membership || membership.role === 'observer') notFound();
  const [{ charter, seats: seatRows, members, ratifiable }, held] = await Promise.all([loadNewProposalPage(org.id, now()), listHeldMotions(org.id)]);
  if (!charter) notFound();
  const t = await getTranslations('newProposal');
  const tm = await getTranslations('meetings');
  const tc = await getTranslations('common');
  const tb = await getTranslations('body');
  const tw = await getTranslations('ruleWords');
  const locale = await getLocale();
  // The rules' words: a built-in counting method's name, and a class seat's declaration (lib/governance/rule-word-parts.ts).
  const choiceMethodName = (key: Parameters<typeof methodNameIn>[1]) => methodNameIn(tw, key);
  const sayRule = ruleWordText(tw, locale);
  // The field holds the declaration the appointee makes and the log records: the rules' English words, as before. In
  // another language the page shows their translation beside it, as guidance only.
  const declarationGuidance = (seatClass: string) => (locale === 'en' ? null : tw('declarationGuidance', { text: sayRule(defaultDeclarationPart(seatClass)) }));
  const bodyName = (key: string) => charter.document.bodies.find((b) => b.key === key)?.name ?? key;
  const ratio = (r: Ratio) => tc('ratio', { inclusive: String(r.inclusive), num: r.num, den: r.den });
  const hours = (h: number) => (h >= 24 && h % 24 === 0 ? tc('duration', { unit: 'day', n: h / 24 }) : tc('duration', { unit: 'hour', n: h }));
  // The four known seat classes in the reader's language; a charter's own class by its key, as written.
  const className = (key: string) => (isKnownClass(key) ? tb(`class_${key}`) : seatClassName(key));
  const classWord = (key: string) => (isKnownClass(key) ? t(`classWord_${key}`) : seatClassLabel(key));
  const summary = (type: (typeof charter.document.proposalTypes)[number]) => {
    const first = type.stages[0]!;
    const window = hours(type.minCommentWindowHours);
    if (type.election)
      return t('summaryElection', { window, body: bodyName(first.bodyKey), method: choiceMethodName(type.election.rule), quorum: ratio(first.quorum) });
    if (type.method)
      return t('summaryChoice', {
        window,
        body: bodyName(first.bodyKey),
        winners: type.method.winners,
        method: choiceMethodName(type.method.key),
        quorum: ratio(first.quorum),
      });
    const stages = type.stages
      .map((s) =>
        t('summaryStage', {
          body: bodyName(s.bodyKey),
          threshold: ratio(s.threshold),
          base: s.thresholdBase === 'charter_seats' ? 'charter_seats' : 'votes_cast',
        }),
      )
      .join(t('stageJoin'));
    return `${t('summaryStages', { window, stages })}${type.critical ? ` ${t('critical')}` : ''}`;
  };
  const types = charter.document.proposalTypes.map((type) => ({
    key: type.key,
    name: type.name,
    effect: type.effect,
    requiresSubject: type.requiresSubject,
    emergencyAllowed: Boolean(type.emergency),
    method: type.method ? { name: choiceMethodName(type.method.key), winners: type.method.winners } : null,
    electionTargets:
      type.effect === 'seat_election'
        ? electionTargets(charter.document, type, seatRows).map(({ value, vacant }) => {
            const [bodyKey = '', seatClass = ''] = value.split(':');
            return { value, label: t('electionTarget', { body: bodyName(bodyKey), n: vacant, seatClass: classWord(seatClass) }) };
          })
        : [],
    summary: summary(type),
  }));
  const seatLabel = (s: (typeof seatRows)[number]) => t('seatLabel', { body: bodyName(s.bodyKey), position: s.position, seatClass: className(s.seatClass) });
  return (
    <div>
      <OrgNav slug={org.slug} name={org.name} current="proposals" isMember archivedAt={org.archivedAt} />
      <div className="mx-auto max-w-2xl">
        <PageHeader title={t('title')} description={t('description')} />
        <div className="rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm">
          <PageMessages namespaces={['newProposal', 'charterDiff']}>
            <NewProposalForm
              orgId={org.id}
              types={types}
              members={members.map((m) => ({ value: m.userId, label: m.name ?? m.email }))}
              vacantSeats={seatRows
                .filter((s) => !s.holderUserId)
                .map((s) => ({
                  value: s.seatId,
                  label: seatLabel(s),
                  seatClass: s.seatClass,
                  classLabel: className(s.seatClass),
                  declaration: isClassSeat(s.seatClass) ? defaultDeclaration(s.seatClass) : null,
                  declarationGuidance: isClassSeat(s.seatClass) ? declarationGuidance(s.seatClass) : null,
                  bodyName: bodyName(s.bodyKey),
                  bodyHolderIds: seatRows.filter((o) => o.bodyKey === s.bodyKey && o.holderUserId).map((o) => o.holderUserId!),
                }))}
              heldSeats={seatRows
                .filter((s) => s.holderUserId)
                .map((s) => ({ value: s.seatId, label: `${seatLabel(s)} — ${s.holderName ?? s.holderEmail}`, holderId: s.holderUserId! }))}
              currentCharter={{ ...charter.document, version: charter.version }}
              currentCharterJson={JSON.stringify({ ...charter.document, version: charter.version + 1 }, null, 2)}
              ratifiable={ratifiable.map((d) => ({ value: d.id, label: t('ratifiableLabel', { number: d.number, title: d.title, deadline: d.deadline }) }))}
              ratifies={typeof ratifies === 'string' && ratifiable.some((d) => d.id === ratifies) ? ratifies : undefined}
              heldMotions={held.map((h) => ({
                value: h.id,
                label: t('heldMotionLabel', { meeting: h.meetingNumber, rollCall: h.number, motion: motionWords(tm, h.motion, h.proposalNumber) }),
              }))}
              ratifiesMotion={typeof ratifiesMotion === 'string' && held.some((h) => h.id === ratifiesMotion) ? ratifiesMotion : undefined}
            />
          </PageMessages>
        </div>
      </div>
    </div>
  );
}
