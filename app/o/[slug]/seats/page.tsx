import type { Metadata } from 'next';
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

export const metadata: Metadata = { title: 'Seats' };

export default async function SeatsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { org, user, membership } = await loadOrgPage(slug);
  const at = now();
  const isAdmin = membership?.role === 'admin';
  const { overview, founding, foundingOpen, strandedKeys, members } = await loadSeatsPage(org.id, { userId: user?.id ?? null, isAdmin }, at);
  const mySeats = user ? overview.bodies.flatMap((b) => b.seats.filter((s) => s.holderUserId === user.id).map((s) => ({ ...s, bodyName: b.name }))) : [];

  return (
    <div>
      <OrgNav slug={org.slug} name={org.name} current="seats" isMember={Boolean(membership)} archivedAt={org.archivedAt} />
      <FlashRegion />
      <PageHeader
        title="Seats"
        description="Seats are fixed by the charter. They are filled or emptied only through appointment, election and removal proposals, or by a holder’s own resignation — and every change is in the decision log."
      />
      {overview.charter ? <FoundingNotice founding={founding} /> : null}
      {!overview.charter ? (
        <EmptyState title="No charter yet." />
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
                    <summary className="cursor-pointer text-sm font-semibold text-amber-950">Founding appointment to the {b.name}</summary>
                    <p className="mt-2 text-sm text-amber-900">
                      {foundingOpen
                        ? 'Until the first proposal is published, an admin may seat the founding holders. After that, seats change only by proposal or resignation. Each appointment is logged publicly.'
                        : `Nobody in office can fill the vacancies of the ${b.name.toLowerCase()}, so founding appointments have reopened for it until someone holds a seat that can. Each appointment is logged publicly as a reopened founding appointment.`}
                    </p>
                    <ActionForm
                      action={appointFoundingHolderAction}
                      hidden={{ orgId: org.id }}
                      submitLabel="Appoint"
                      label={`Founding appointment, ${b.name}`}
                      className="mt-3"
                    >
                      <div className="grid gap-3 sm:grid-cols-2">
                        <div>
                          <label htmlFor={`fa-seat-${b.key}`} className="block text-sm font-medium">
                            Seat
                          </label>
                          <select id={`fa-seat-${b.key}`} name="seatId" className="mt-1 block w-full rounded-lg border border-zinc-300 px-3 py-2 text-sm">
                            {b.seats
                              .filter((s) => !s.holderUserId)
                              .map((s) => (
                                <option key={s.seatId} value={s.seatId}>
                                  Seat {s.position} ({seatClassName(s.seatClass)})
                                </option>
                              ))}
                          </select>
                        </div>
                        <div>
                          <label htmlFor={`fa-user-${b.key}`} className="block text-sm font-medium">
                            Member
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
              title="Your seats"
              className="rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm"
              headingClassName="text-lg font-semibold"
            >
              <ul className="mt-3 space-y-3">
                {mySeats.map((s) => (
                  <li key={s.seatId} className="flex flex-wrap items-center justify-between gap-3">
                    <span>
                      {s.bodyName}, seat {s.position} ({seatClassName(s.seatClass)})
                    </span>
                    <details>
                      <summary className="cursor-pointer text-sm font-medium text-red-800">Resign this seat</summary>
                      <ActionForm
                        action={resignSeatAction}
                        hidden={{ orgId: org.id, seatId: s.seatId }}
                        submitLabel="Resign now"
                        variant="secondary"
                        label="Resign seat"
                        className="mt-2"
                      >
                        <p className="text-xs text-zinc-600">
                          The seat becomes vacant at once and its vacancy clock starts. This is logged and cannot be undone.
                        </p>
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
