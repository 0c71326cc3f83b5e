/**
 * Founding appointments close with the organization's first publication, announced: while seats
 * are vacant the publish action refuses without the "I understand" box (code and plain words,
 * nothing written); with it, the publication logs `founding.closed` with the vacant seat count and
 * mails every member, in the same transaction. Later publications ask nothing and log no second close.
 */
import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { decisionLog, outbox } from '@/db/schema';
import { listSeats } from '@/db/queries/charters';
import { initialActionState } from '@/lib/actions/state';
import { charterFromTemplate } from '@/lib/governance/charter';
import { notificationMail } from '@/lib/notify/templates';
import { publishProposal } from '@/lib/use-cases/publish';
import { form, session, signInAs, withTestDatabase } from './helpers';
import { foundOrganization, signInAsPerson } from './fixtures/organization';
import { everyRow } from './fixtures/rows';
import { DAY, draftProposal, refusal } from './fixtures/scenario';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
const { publishProposalAction } = await import('@/app/o/[slug]/proposals/actions');
const { appointFoundingHolderAction } = await import('@/app/o/[slug]/seats/actions');

const body = 'A body long enough for the rules to accept it, with reasons.';
const T0 = new Date(Date.now() - 30 * DAY);
const as = signInAsPerson;

let db: Database;
withTestDatabase({ app: true }, (handle) => (db = handle.db));
beforeEach(() => signInAs(null));

const entries = async (orgId: string, kind: string) =>
  db
    .select({ payload: decisionLog.payload, actorId: decisionLog.actorId })
    .from(decisionLog)
    .where(and(eq(decisionLog.orgId, orgId), eq(decisionLog.kind, kind)));
const foundingMail = async (orgId: string) =>
  db
    .select({ userId: outbox.recipientUserId, mandatory: outbox.mandatory })
    .from(outbox)
    .where(and(eq(outbox.orgId, orgId), eq(outbox.kind, 'founding_closed')));

describe('closing founding appointments', () => {
  it('refuses the first publication without the confirmation while seats are vacant, writing nothing', async () => {
    const org = await foundOrganization(db, { slug: 'close-refused', seated: 3, at: T0 });
    const draft = await draftProposal(db, org.people[1]!, org.orgId, { title: 'Our first idea', body }, new Date(Date.now() - DAY));
    as(org, 1);
    // The nonprofit template: a board of 9 and an assembly of 25 seats, 3 of them filled.
    const vacant = (await listSeats(db, org.orgId)).filter((s) => s.holderUserId === null).length;
    expect(vacant).toBe(31);
    const unticked = await everyRow(db);
    const state = await publishProposalAction(initialActionState, form({ orgId: org.orgId, proposalId: draft }));
    expect(state).toMatchObject({ ok: false, code: 'founding.close_unconfirmed' });
    expect(state.message).toBe(
      'Publishing the first proposal closes founding appointments: 31 seats are still vacant and will then be filled by appointment proposals. Tick “I understand” to publish. Nothing was published.',
    );
    expect(state.fieldErrors?.confirmFoundingClose).toEqual([state.message]);
    expect(await everyRow(db)).toEqual(unticked);
    // A forged value is not a confirmation.
    const before = await everyRow(db);
    expect(await publishProposalAction(initialActionState, form({ orgId: org.orgId, proposalId: draft, confirmFoundingClose: 'true' }))).toMatchObject({
      ok: false,
      code: 'action.invalid_input',
    });
    expect(await everyRow(db)).toEqual(before);
    // The use case itself refuses an explicit "not confirmed", whoever calls it.
    const direct = await refusal(() => publishProposal(db, org.people[1]!, { orgId: org.orgId, proposalId: draft, confirmFoundingClose: false }, new Date()));
    expect(direct.code).toBe('founding.close_unconfirmed');
    expect(await everyRow(db)).toEqual(before);
  }, 60_000);

  it('with the confirmation, publishes, logs founding.closed with the vacant seats and mails every member; the next publication asks nothing', async () => {
    const org = await foundOrganization(db, { slug: 'close-confirmed', seated: 3, at: T0 });
    const first = await draftProposal(db, org.people[1]!, org.orgId, { title: 'Our first idea', body }, new Date(Date.now() - DAY));
    const second = await draftProposal(db, org.people[2]!, org.orgId, { title: 'Our second idea', body }, new Date(Date.now() - DAY));
    as(org, 1);
    expect(await publishProposalAction(initialActionState, form({ orgId: org.orgId, proposalId: first, confirmFoundingClose: 'yes' }))).toMatchObject({
      ok: true,
    });
    expect(await entries(org.orgId, 'founding.closed')).toEqual([{ actorId: org.people[1]!.userId, payload: { vacantSeats: 31, firstProposal: 1 } }]);
    const mail = await foundingMail(org.orgId);
    expect(mail.map((m) => m.userId).sort()).toEqual(org.people.map((p) => p.userId).sort());
    expect(mail.every((m) => m.mandatory)).toBe(true);

    // Founding appointments are closed now.
    as(org, 0);
    expect(
      await appointFoundingHolderAction(initialActionState, form({ orgId: org.orgId, seatId: org.boardSeats[5]!, userId: org.people[5]!.userId })),
    ).toMatchObject({ ok: false, code: 'founding.closed' });

    // The second publication needs no confirmation and closes nothing again.
    as(org, 2);
    expect(await publishProposalAction(initialActionState, form({ orgId: org.orgId, proposalId: second }))).toMatchObject({ ok: true });
    expect(await entries(org.orgId, 'founding.closed')).toHaveLength(1);
    expect(await foundingMail(org.orgId)).toHaveLength(10);
  }, 60_000);

  it('with every seat filled, the first publication asks nothing and still logs the close (0 vacant)', async () => {
    // The small-board template: one board of 5 seats, all filled.
    const org = await foundOrganization(db, { slug: 'close-full', seated: 5, at: T0, charter: charterFromTemplate('small_board') });
    const first = await draftProposal(db, org.people[1]!, org.orgId, { title: 'Our first idea', body }, new Date(Date.now() - DAY));
    as(org, 1);
    expect(await publishProposalAction(initialActionState, form({ orgId: org.orgId, proposalId: first }))).toMatchObject({ ok: true });
    expect(await entries(org.orgId, 'founding.closed')).toEqual([{ actorId: org.people[1]!.userId, payload: { vacantSeats: 0, firstProposal: 1 } }]);
    expect(await foundingMail(org.orgId)).toHaveLength(10);
  }, 60_000);

  it('the members’ e-mail says founding closed and how many seats are vacant, and links to the seats', () => {
    const mail = notificationMail({
      kind: 'founding_closed',
      payload: { number: 1, title: 'Our first idea', vacantSeats: 6 },
      organizationName: 'Canal Street Tenants',
      appUrl: 'https://quorate.example',
      orgSlug: 'canal',
      recipientName: 'Ana',
      mandatory: true,
      unsubscribeUrl: null,
      preferencesUrl: 'https://quorate.example/o/canal/settings/notifications',
      checkpoint: null,
    });
    expect(mail.subject).toBe('[Canal Street Tenants] Founding appointments have closed');
    expect(mail.text).toContain('#1 Our first idea, the organization’s first proposal, has been published, so founding appointments are now closed.');
    expect(mail.text).toContain('6 seats are still vacant. From now on, seats are filled by appointment proposals');
    expect(mail.text).toContain('https://quorate.example/o/canal/seats');
    expect(mail.text).toContain('This notice cannot be turned off.');
  });
});
