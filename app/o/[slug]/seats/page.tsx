import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { BodyCard, seatClassName } from '@/components/governance/body-card';
import { electorateWords } from '@/lib/governance/electorate';
import { FoundingNotice } from '@/components/governance/founding-notice';
import { OrgNav } from '@/components/governance/org-nav';
import { ActionForm } from '@/components/ui/action-form';
import { FlashRegion } from '@/components/ui/flash';
import { EmptyState } from '@/components/ui/empty-state';
import { LabelledSection } from '@/components/ui/labelled-section';
import { PageHeader } from '@/components/ui/page-header';
import { loadOrgPage } from '@/lib/auth/org-page';
import { now } from '@/lib/clock';
import { loadSeatsPage } from '@/db/read/seats-page';
import { appointFoundingHolderAction, resignSeatAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('seats');
  return { title: t('title') };
}

const knownClasses = new Set(['independent', 'employee_representative', 'member_elected', 'general']);

export default async function SeatsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { org, user, membership } = await loadOrgPage(slug);
  const at = now();
  const isAdmin = membership?.role === 'admin';
  const { overview, founding, foundingOpen, strandedKeys, members } = await loadSeatsPage(org.id, { userId: user?.id ?? null, isAdmin }, at);
  const t = await getTranslations('seats');
  const tBody = await getTranslations('body');
  // The four known seat classes in the reader's language; a charter's own class by its key, as written.
  const className = (key: string) =>
    knownClasses.has(key) ? tBody(`class_${key as 'independent' | 'employee_representative' | 'member_elected' | 'general'}`) : seatClassName(key);
  const mySeats = user ? overview.bodies.flatMap((b) => b.seats.filter((s) => s.holderUserId === user.id).map((s) => ({ ...s, bodyName: b.name }))) : [];

  return (
    <div>
      <OrgNav slug={org.slug} name={org.name} current="seats" isMember={Boolean(membership)} archivedAt={org.archivedAt} />
      <FlashRegion />
      <PageHeader title={t('title')} description={t('description')} />
      {overview.charter ? <FoundingNotice founding={founding} /> : null}
      {!overview.charter ? (
        <EmptyState title={t('noCharter')} />
      ) : (
        <div className="space-y-6">
          {overview.bodies.map((b) => {
            const spec = overview.charter!.document.bodies.find((x) => x.key === b.key)!;
            return (
              <div key={b.key} className="space-y-3">
                <BodyCard
                  body={b}
                  minForCritical={spec.minSeatsForCriticalDecisions}
                  vacancyDeadlineDays={spec.vacancyDeadlineDays}
                  shortfallBlocks={spec.classShortfallBlocksCriticalDecisions ?? false}
                  electorate={spec.electorate ? electorateWords(spec.electorate) : null}
                  headingLevel={2}
                />
                {(foundingOpen || strandedKeys.has(b.key)) && b.seats.some((s) => !s.holderUserId) ? (
                  <details className="rounded-xl border border-amber-300 bg-amber-50 p-4">
                    <summary className="cursor-pointer text-sm font-semibold text-amber-950">{t('foundingSummary', { body: b.name })}</summary>
                    <p className="mt-2 text-sm text-amber-900">{foundingOpen ? t('foundingOpen') : t('foundingReopened', { body: b.name.toLowerCase() })}</p>
                    <ActionForm
                      action={appointFoundingHolderAction}
                      hidden={{ orgId: org.id }}
                      submitLabel={t('appoint')}
                      label={t('appointLabel', { body: b.name })}
                      className="mt-3"
                    >
                      <div className="grid gap-3 sm:grid-cols-2">
                        <div>
                          <label htmlFor={`fa-seat-${b.key}`} className="block text-sm font-medium">
                            {t('seat')}
                          </label>
                          <select id={`fa-seat-${b.key}`} name="seatId" className="mt-1 block w-full rounded-lg border border-zinc-300 px-3 py-2 text-sm">
                            {b.seats
                              .filter((s) => !s.holderUserId)
                              .map((s) => (
                                <option key={s.seatId} value={s.seatId}>
                                  {t('seatOption', { position: s.position, seatClass: className(s.seatClass) })}
                                </option>
                              ))}
                          </select>
                        </div>
                        <div>
                          <label htmlFor={`fa-user-${b.key}`} className="block text-sm font-medium">
                            {t('member')}
                          </label>
                          <select id={`fa-user-${b.key}`} name="userId" className="mt-1 block w-full rounded-lg border border-zinc-300 px-3 py-2 text-sm">
                            {members.map((m) => (
                              <option key={m.userId} value={m.userId}>
                                {m.name ?? m.email}
                              </option>
                            ))}
                          </select>
                        </div>
                      </div>
                    </ActionForm>
                  </details>
                ) : null}
              </div>
            );
          })}
          {mySeats.length > 0 ? (
            <LabelledSection
              id="my-seats"
              title={t('mine')}
              className="rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm"
              headingClassName="text-lg font-semibold"
            >
              <ul className="mt-3 space-y-3">
                {mySeats.map((s) => (
                  <li key={s.seatId} className="flex flex-wrap items-center justify-between gap-3">
                    <span>{t('mySeat', { body: s.bodyName, position: s.position, seatClass: className(s.seatClass) })}</span>
                    <details>
                      <summary className="cursor-pointer text-sm font-medium text-red-800">{t('resignSummary')}</summary>
                      <ActionForm
                        action={resignSeatAction}
                        hidden={{ orgId: org.id, seatId: s.seatId }}
                        submitLabel={t('resignSubmit')}
                        variant="secondary"
                        label={t('resignLabel')}
                        className="mt-2"
                      >
                        <p className="text-xs text-zinc-600">{t('resignBody')}</p>
                      </ActionForm>
                    </details>
                  </li>
                ))}
              </ul>
            </LabelledSection>
          ) : null}
        </div>
      )}
    </div>
  );
}
