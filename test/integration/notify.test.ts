import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { decisionLog, notificationPrefs, notifyEvents, outbox } from '@/db/schema';
import { deliveryOverview, listMandatoryNotices, retryDeadLetters } from '@/db/queries/notify';
import { listPublicationNoticeCoverage, sumPublicationNoticeCoverage } from '@/db/queries/org-page';
import { charterFromTemplate } from '@/lib/governance/charter';
import type { Charter } from '@/lib/governance/types';
import { deliverBatch, deliverDue, deliveryOptions, fileMailTransport, retryDelayMs, runDigests, smtpMailTransport } from '@/lib/notify/delivery';
import type { MailTransport } from '@/lib/notify/delivery';
import { listStoredMail } from '@/lib/notify/mailer';
import type { OutgoingMail } from '@/lib/notify/mailer';
import { enqueueTimedNotices } from '@/lib/notify/outbox';
import { signUnsubscribeToken, verifyUnsubscribeToken } from '@/lib/notify/unsubscribe-token';
import { castBallot } from '@/lib/use-cases/ballots';
import { createDraft } from '@/lib/use-cases/drafts';
import { publishProposal } from '@/lib/use-cases/publish';
import { recordTransitions } from '@/lib/use-cases/transitions';
import { resignSeat } from '@/lib/use-cases/seats';
import { coverageText, noticeCoverage } from '@/lib/use-cases/notice';
import { POST as oneClick } from '@/app/unsubscribe/one-click/route';
import { foundOrganization } from './fixtures/organization';
import type { FoundedOrganization } from './fixtures/organization';
import { DAY, clockFrom } from './fixtures/scenario';
import { withTestDatabase } from './helpers';
import type { TestDatabase } from './helpers';

const T0 = new Date('2026-03-02T09:00:00Z');
const at = clockFrom(T0);
const SECRET = 'test-secret-test-secret-test-secret-0123456789';

let handle: TestDatabase;
let db: Database;
withTestDatabase({ app: true }, (ready) => {
  handle = ready;
  db = ready.db;
});

type Org = FoundedOrganization;

const setupOrg = (slug: string, seated: number, charter?: Charter, extraMembers = 0): Promise<Org> =>
  foundOrganization(db, { slug, name: `Org ${slug}`, seated, charter, extraMembers, at: T0 });

async function draft(
  org: Org,
  typeKey = 'resolution',
  extra: { subjectUserId?: string; effect?: Record<string, unknown>; author?: number } = {},
): Promise<string> {
  const author = org.people[extra.author ?? 1]!;
  const { id } = await createDraft(
    db,
    author,
    {
      orgId: org.orgId,
      typeKey,
      title: 'Open board meetings',
      body: 'Board meetings are open to residents.',
      subjectUserId: extra.subjectUserId ?? null,
      effect: extra.effect ?? {},
      emergency: false,
    },
    at(1),
  );
  await publishProposal(db, author, { orgId: org.orgId, proposalId: id }, at(1));
  // An organization's first publication also tells every member that founding appointments closed
  // (test/integration/founding-close.test.ts covers that mail). These tests follow the publication's
  // own notices, so the founding_closed rows are set aside as already sent.
  await db
    .update(outbox)
    .set({ status: 'sent' })
    .where(and(eq(outbox.orgId, org.orgId), eq(outbox.kind, 'founding_closed')));
  return id;
}

/** Who got which kind in this org: "index:mandatory?" per person, sorted. */
async function recipients(org: Org, kind: string): Promise<string[]> {
  const rows = await db
    .select({ userId: outbox.recipientUserId, mandatory: outbox.mandatory })
    .from(outbox)
    .where(and(eq(outbox.orgId, org.orgId), eq(outbox.kind, kind)));
  return rows.map((r) => `${org.people.findIndex((p) => p.userId === r.userId)}${r.mandatory ? '!' : ''}`).sort();
}

function recordingTransport(): MailTransport & { sent: OutgoingMail[] } {
  const sent: OutgoingMail[] = [];
  return { kind: 'file', sent, send: async (m) => void sent.push(m), close: async () => {} };
}

/** A real SMTP server on a free port that records what it accepts, or refuses everything. */
async function startSmtp(mode: { refuse: boolean; refuseRcpt?: Set<string> }) {
  const received: { to: string[]; raw: string }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (mode.refuseRcpt?.has(address.address)) {
        const error = new Error('No such mailbox') as Error & { responseCode: number };
        error.responseCode = 550;
        return callback(error);
      }
      callback();
    },
    onMailFrom(_address, _session, callback) {
      if (mode.refuse) {
        const error = new Error('Mailbox temporarily unavailable') as Error & { responseCode: number };
        error.responseCode = 451;
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return { received, url: `smtp://127.0.0.1:${port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

describe('who is notified of what', () => {
  it('publication: every deciding seat holder (mandatory) and, for a members-audience type, every member (optional)', async () => {
    const org = await setupOrg('n-pub', 7);
    await draft(org);
    // people 0–6 hold board seats; 7–9 are members only.
    expect(await recipients(org, 'proposal_published')).toEqual(['0!', '1!', '2!', '3!', '4!', '5!', '6!', '7', '8', '9']);
    expect(await recipients(org, 'right_of_reply')).toEqual([]);
  });

  it('publication of a seat-holders-only type reaches no plain member', async () => {
    const charter = charterFromTemplate('nonprofit_board');
    const closed = {
      ...charter,
      proposalTypes: charter.proposalTypes.map((t) => (t.key === 'resolution' ? { ...t, consultationAudience: 'seat_holders' as const } : t)),
    };
    const org = await setupOrg('n-closed', 7, closed);
    await draft(org);
    expect(await recipients(org, 'proposal_published')).toEqual(['0!', '1!', '2!', '3!', '4!', '5!', '6!']);
  });

  it('a removal gives its subject, and only its subject, a mandatory right-of-reply notice', async () => {
    const org = await setupOrg('n-reply', 8);
    await draft(org, 'officer_removal', { subjectUserId: org.people[1]!.userId, effect: { seatId: org.boardSeats[1]! }, author: 2 });
    expect(await recipients(org, 'right_of_reply')).toEqual(['1!']);
  });

  it('window closing, voting open, reminders to non-voters only, decision with tally — each once', async () => {
    const org = await setupOrg('n-life', 7);
    const id = await draft(org);
    expect(await enqueueTimedNotices(db, at(6))).toBe(0); // closes at(8): not yet within 24 h
    await enqueueTimedNotices(db, at(7, 10));
    expect(await recipients(org, 'comment_window_closing')).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    await enqueueTimedNotices(db, at(7, 11)); // a second pass adds nothing
    expect(await recipients(org, 'comment_window_closing')).toHaveLength(10);

    await recordTransitions(db, id, org.orgId, at(8, 1)); // voting opens, closes at(11, 1)
    expect(await recipients(org, 'voting_open')).toEqual(['0', '1', '2', '3', '4', '5', '6']);
    for (const i of [0, 1, 2, 3, 4]) await castBallot(db, org.people[i]!, { orgId: org.orgId, proposalId: id, choice: 'yes', rationale: null }, at(9));
    await enqueueTimedNotices(db, at(9, 12));
    expect(await recipients(org, 'vote_reminder')).toEqual([]); // closes in more than 24 h
    await enqueueTimedNotices(db, at(10, 2));
    await enqueueTimedNotices(db, at(10, 3));
    expect(await recipients(org, 'vote_reminder')).toEqual(['5', '6']);

    await recordTransitions(db, id, org.orgId, at(11, 2));
    expect(await recipients(org, 'decision')).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    const mails = recordingTransport();
    await deliverDue(db, mails, at(11, 3));
    const decision = mails.sent.find((m) => m.subject.includes('Decided') && m.to === `n-life-7@example.org`)!;
    expect(decision.subject).toBe('[Org n-life] Decided: #1 Open board meetings passed');
    expect(decision.text).toContain('Tally: 5 yes, 0 no, 0 abstain (5 of 9 charter seats voted; quorum 5 met');
  });

  it('vacancies past the deadline: one alarm per body per day listing every overdue seat, each vacancy logged once', async () => {
    // nonprofit_board: board seats 8 and 9 vacant since T0 (deadline 60 days); the 25-seat member assembly never filled (90 days).
    const org = await setupOrg('n-vacancy', 7);
    await db.insert(notificationPrefs).values({ userId: org.people[9]!.userId, orgId: org.orgId, kind: 'vacancy_overdue', mode: 'digest' });
    // Seat 7 empties later the same morning: it passes its deadline after the day's board alarm went out.
    await resignSeat(db, org.people[6]!, { orgId: org.orgId, seatId: org.boardSeats[6]! }, at(1, 3));
    const overdueLog = async () =>
      await db
        .select({ subject: decisionLog.subject, payload: decisionLog.payload })
        .from(decisionLog)
        .where(and(eq(decisionLog.orgId, org.orgId), eq(decisionLog.kind, 'seat.vacancy_overdue')));
    const alarms = async () =>
      db
        .select({ userId: outbox.recipientUserId, createdAt: outbox.createdAt, payload: notifyEvents.payload })
        .from(outbox)
        .innerJoin(notifyEvents, eq(notifyEvents.id, outbox.eventId))
        .where(and(eq(outbox.orgId, org.orgId), eq(outbox.kind, 'vacancy_overdue')));
    await enqueueTimedNotices(db, at(59));
    expect(await recipients(org, 'vacancy_overdue')).toEqual([]);
    await enqueueTimedNotices(db, at(61));
    expect(await recipients(org, 'vacancy_overdue')).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect((await alarms())[0]!.payload.seats).toEqual([
      { position: 8, vacatedAt: T0.toISOString() },
      { position: 9, vacatedAt: T0.toISOString() },
    ]);
    await enqueueTimedNotices(db, at(61, 5)); // seat 7 now overdue too: logged, but today's board alarm has gone
    await enqueueTimedNotices(db, at(61, 6));
    expect((await recipients(org, 'vacancy_overdue')).length).toBe(10);
    expect((await overdueLog()).length).toBe(3);
    await enqueueTimedNotices(db, at(62)); // the next day: one more board alarm, listing all three
    await enqueueTimedNotices(db, at(62, 1));
    const day62 = (await alarms()).filter((r) => r.createdAt.getTime() === at(62).getTime());
    expect(day62).toHaveLength(10);
    expect((day62[0]!.payload.seats as { position: number }[]).map((x) => x.position)).toEqual([7, 8, 9]);
    // Day 90: all 25 assembly seats pass their deadline at once — one alarm per member, not 25.
    for (const t of [at(90), at(90, 2), at(90, 7), at(91), at(92)]) await enqueueTimedNotices(db, t);
    const all = await alarms();
    expect(all).toHaveLength(30);
    const perRecipientDay = new Map<string, number>();
    for (const r of all)
      perRecipientDay.set(
        `${r.userId}:${r.createdAt.toISOString().slice(0, 10)}`,
        (perRecipientDay.get(`${r.userId}:${r.createdAt.toISOString().slice(0, 10)}`) ?? 0) + 1,
      );
    expect(Math.max(...perRecipientDay.values())).toBe(1);
    // Every vacancy in the log exactly once, with its deadline.
    const log = await overdueLog();
    expect(log).toHaveLength(28);
    expect(new Set(log.map((e) => e.subject)).size).toBe(28);
    expect(log.find((e) => e.payload.bodyKey === 'members')!.payload).toMatchObject({ deadlineDays: 90, daysVacant: 90, deadline: at(90).toISOString() });
    // Delivered: one mail per member for the assembly, naming all 25 seats; the digest carries it for person 9.
    const mails = recordingTransport();
    await deliverDue(db, mails, at(93));
    const toThree = mails.sent.filter((m) => m.to === 'n-vacancy-3@example.org');
    expect(toThree.map((m) => m.subject).sort()).toEqual([
      '[Org n-vacancy] 2 seats on the Board are vacant past their deadline',
      '[Org n-vacancy] 25 seats on the Member assembly are vacant past their deadline',
      '[Org n-vacancy] 3 seats on the Board are vacant past their deadline',
    ]);
    expect(toThree.find((m) => m.subject.includes('25 seats'))!.text).toContain('Seat 25: vacant since');
    const digest = mails.sent.filter((m) => m.to === 'n-vacancy-9@example.org');
    expect(digest.every((m) => m.subject.includes('Daily digest'))).toBe(true);
    expect(digest.map((m) => m.text).join('\n')).toContain('25 seats on the Member assembly are vacant past their deadline');
  });
});

describe('messages', () => {
  it('go to the mail folder with a plain-text part, the org name, the link, the checkpoint and RFC 8058 headers on optional ones only', async () => {
    const org = await setupOrg('n-render', 7);
    await draft(org);
    const dir = mkdtempSync(path.join(tmpdir(), 'quorate-mail-'));
    const r = await deliverDue(db, fileMailTransport(dir, 'Quorate <q@quorate.test>'), at(1, 1));
    expect(r.sent).toBeGreaterThanOrEqual(10);
    const stored = await listStoredMail(dir, 1000);
    const seatHolder = stored.find((m) => m.to === 'n-render-1@example.org')!;
    const member = stored.find((m) => m.to === 'n-render-8@example.org')!;
    for (const m of [seatHolder, member]) {
      expect(m.subject).toBe('[Org n-render] New proposal #1 Open board meetings');
      expect(m.text).toContain('http://quorate.test/o/n-render/proposals/1');
      expect(m.text).toMatch(/Decision log checkpoint: \d+ entries, root [0-9a-f]{16}/);
      expect(m.html).toContain('href="http://quorate.test/o/n-render/proposals/1"');
    }
    expect(seatHolder.text).toContain('cannot be turned off');
    expect(seatHolder.headers?.['List-Unsubscribe']).toBeUndefined();
    expect(member.headers?.['List-Unsubscribe']).toMatch(/^<http:\/\/quorate\.test\/unsubscribe\/one-click\?t=[\w-]+\.[\w-]+>$/);
    expect(member.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
  });

  it('go through a real SMTP server (pooled), which records them', async () => {
    const org = await setupOrg('n-smtp', 7);
    await draft(org);
    const smtp = await startSmtp({ refuse: false });
    const transport = smtpMailTransport(smtp.url, 'Quorate <q@quorate.test>');
    try {
      const r = await deliverDue(db, transport, at(1, 1));
      const mine = smtp.received.filter((m) => m.to[0]!.startsWith('n-smtp-'));
      expect(mine).toHaveLength(10);
      expect(r.dead).toBe(0);
      const member = mine.find((m) => m.to[0] === 'n-smtp-9@example.org')!;
      expect(member.raw).toMatch(/^Subject: \[Org n-smtp\] New proposal #1 Open board meetings/m);
      expect(member.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
      expect(member.raw).toMatch(/^Message-ID: <[0-9a-f-]+@quorate\.test>/im);
      expect(member.raw).toContain('text/plain');
    } finally {
      await transport.close();
      await smtp.close();
    }
  });
});

describe('delivery guarantees', () => {
  it('a worker killed mid-batch loses nothing and, once another runs, sends nothing twice', async () => {
    const org = await setupOrg('n-crash', 7, charterFromTemplate('nonprofit_board'), 40);
    await draft(org); // 50 notices
    const ids = (
      await db
        .select({ id: outbox.id })
        .from(outbox)
        .where(and(eq(outbox.orgId, org.orgId), eq(outbox.kind, 'proposal_published')))
    ).map((r) => r.id);
    expect(ids).toHaveLength(50);
    // Worker A sends 19 messages, then hangs forever on the 20th — as if killed there: it
    // never records that message's fate, and its whole batch stays leased.
    const delivered: string[] = [];
    let reachedHang!: () => void;
    const hung = new Promise<void>((r) => (reachedHang = r));
    const dying: MailTransport = {
      kind: 'file',
      send: (m) => {
        if (delivered.length === 19) {
          reachedHang();
          return new Promise(() => {});
        }
        delivered.push(m.messageId!);
        return Promise.resolve();
      },
      close: async () => {},
    };
    const opts = deliveryOptions({ batchSize: 100, concurrency: 1, leaseMs: 60_000 });
    void deliverBatch(db, dying, at(1, 1), opts);
    await hung;
    // Another worker while A's lease holds: nothing to take.
    const b = recordingTransport();
    expect((await deliverBatch(db, b, at(1, 1), opts)).claimed).toBe(0);
    // After the lease: the restarted worker takes exactly the 31 unconfirmed ones.
    const r = await deliverBatch(db, b, new Date(at(1, 1).getTime() + 61_000), opts);
    expect(r.sent).toBe(31);
    const all = [...delivered, ...b.sent.map((m) => m.messageId!)];
    expect(all).toHaveLength(50);
    expect(new Set(all).size).toBe(50);
    const statuses = await db.select({ status: outbox.status }).from(outbox).where(inArray(outbox.id, ids));
    expect(statuses.every((s) => s.status === 'sent')).toBe(true);
  });

  it('two workers at once take disjoint rows: every notice is sent exactly once (SKIP LOCKED; truly concurrent on PostgreSQL)', async () => {
    const org = await setupOrg('n-pair', 7, charterFromTemplate('nonprofit_board'), 90);
    await draft(org); // 100 notices
    const [a, b] = [recordingTransport(), recordingTransport()];
    const opts = deliveryOptions({ batchSize: 7, concurrency: 2 });
    await Promise.all([deliverDue(db, a, at(1, 1), opts), deliverDue(db, b, at(1, 1), opts)]);
    const mine = [...a.sent, ...b.sent].filter((m) => m.to.startsWith('n-pair-'));
    expect(mine).toHaveLength(100);
    expect(new Set(mine.map((m) => m.messageId)).size).toBe(100);
  });

  it('a failing SMTP server leads to retries with backoff, then a dead letter an admin sees and retries', async () => {
    const org = await setupOrg('n-fail', 1, charterFromTemplate('nonprofit_board'));
    // Only seat holder person 0 and members: narrow to one org's rows by pre-marking others sent.
    await draft(org, 'resolution', { author: 0 });
    await db
      .update(outbox)
      .set({ status: 'sent' })
      .where(
        and(
          eq(outbox.orgId, org.orgId),
          inArray(
            outbox.recipientUserId,
            org.people.slice(1).map((p) => p.userId),
          ),
        ),
      );
    const mode = { refuse: true };
    const smtp = await startSmtp(mode);
    const transport = smtpMailTransport(smtp.url, 'Quorate <q@quorate.test>');
    const opts = deliveryOptions({ maxAttempts: 3, retryBaseMs: 60_000 });
    try {
      let t = at(1, 1).getTime();
      const r1 = await deliverBatch(db, transport, new Date(t), opts);
      expect(r1).toMatchObject({ claimed: 1, retried: 1 });
      // Not due again before the backoff has passed.
      expect((await deliverBatch(db, transport, new Date(t + 59_000), opts)).claimed).toBe(0);
      t += retryDelayMs(1, 60_000);
      expect(await deliverBatch(db, transport, new Date(t), opts)).toMatchObject({ claimed: 1, retried: 1 });
      t += retryDelayMs(2, 60_000); // 2 minutes: exponential
      expect(retryDelayMs(2, 60_000)).toBe(120_000);
      expect(await deliverBatch(db, transport, new Date(t), opts)).toMatchObject({ claimed: 1, dead: 1 });
      const overview = await deliveryOverview(db, org.orgId);
      expect(overview.counts.dead).toBe(1);
      expect(overview.dead[0]).toMatchObject({ email: 'n-fail-0@example.org', attempts: 3 });
      expect(overview.dead[0]!.lastError).toBe('The mail server deferred the message (SMTP 451); it will be tried again.');
      // Admins see what happened, not the operator's mail server address.
      expect(overview.dead[0]!.lastError).not.toContain(new URL(smtp.url).hostname);
      // Another organization's admin cannot retry it; this one's can.
      const other = await setupOrg('n-fail-other', 0);
      expect(await retryDeadLetters(db, other.orgId, overview.dead[0]!.id, new Date(t))).toBe(0);
      expect(await retryDeadLetters(db, org.orgId, overview.dead[0]!.id, new Date(t))).toBe(1);
      mode.refuse = false;
      expect(await deliverBatch(db, transport, new Date(t + 1), opts)).toMatchObject({ claimed: 1, sent: 1 });
      expect(smtp.received.filter((m) => m.to[0] === 'n-fail-0@example.org')).toHaveLength(1);
    } finally {
      await transport.close();
      await smtp.close();
    }
  });
});

describe('mandatory notice coverage', () => {
  it('a seat holder whose mail fails: pending, then failed and logged (notice.failed, no address), then a late delivery after an admin retry', async () => {
    const org = await setupOrg('n-cover', 9); // people 0..8 hold the 9 board seats; person 9 is a plain member
    const proposalId = await draft(org);
    const addr = (i: number) => `n-cover-${i}@example.org`;
    // Person 8's mailbox refuses everything; person 7's refuses the first attempt only; person 9 (optional notice) always.
    const mode = { refuse: false, refuseRcpt: new Set([addr(7), addr(8), addr(9)]) };
    const smtp = await startSmtp(mode);
    const transport = smtpMailTransport(smtp.url, 'Quorate <q@quorate.test>');
    const opts = deliveryOptions({ maxAttempts: 3, retryBaseMs: 60_000, batchSize: 1000 });
    const coverage = async () => noticeCoverage(await listMandatoryNotices(db, org.orgId, proposalId)).publication;
    const failures = async () =>
      db
        .select({ kind: decisionLog.kind, subject: decisionLog.subject, payload: decisionLog.payload, entry: decisionLog.entry })
        .from(decisionLog)
        .where(and(eq(decisionLog.orgId, org.orgId), inArray(decisionLog.kind, ['notice.failed', 'notice.delivered_after_retry'])))
        .orderBy(asc(decisionLog.seq));
    // Other organizations' mail is not this test's business.
    await db
      .update(outbox)
      .set({ status: 'sent' })
      .where(and(eq(outbox.status, 'pending'), ne(outbox.orgId, org.orgId)));
    try {
      let t = at(1, 1).getTime();
      await deliverBatch(db, transport, new Date(t), opts);
      expect(await coverage()).toEqual({ queued: 9, delivered: 7, pending: 2, failed: 0 });
      expect(coverageText(await coverage(), 9)).toBe('7 of 9 seat holders reached, 2 pending');
      // The organization's health counts the same: seat holders reached, of those the publication counted.
      expect(await listPublicationNoticeCoverage(db, org.orgId)).toEqual([{ proposalId, seatHolders: 9, notified: 7 }]);
      expect(await sumPublicationNoticeCoverage(db, org.orgId)).toEqual({ seatHolders: 9, notified: 7 });
      mode.refuseRcpt.delete(addr(7));
      for (let attempt = 1; attempt < 3; attempt++) {
        t += retryDelayMs(attempt, 60_000);
        await deliverBatch(db, transport, new Date(t), opts);
      }
      expect(await coverage()).toEqual({ queued: 9, delivered: 8, pending: 0, failed: 1 });
      expect(coverageText(await coverage(), 9)).toBe('8 of 9 seat holders reached, 1 failed');
      // Logged once, for the mandatory notice only (person 9's optional one died quietly), naming no address.
      const logged = await failures();
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatchObject({
        kind: 'notice.failed',
        subject: `proposal:${proposalId}`,
        payload: { number: 1, kind: 'proposal_published', recipientUserId: org.people[8]!.userId, attempts: 3 },
      });
      expect(logged.map((e) => e.entry).join('')).not.toContain('@example.org');
      expect(
        (
          await db
            .select({ status: outbox.status })
            .from(outbox)
            .where(and(eq(outbox.orgId, org.orgId), eq(outbox.kind, 'proposal_published'), eq(outbox.recipientUserId, org.people[9]!.userId)))
        )[0]!.status,
      ).toBe('dead');
      // More passes change nothing.
      await deliverBatch(db, transport, new Date(t + DAY), opts);
      expect(await failures()).toHaveLength(1);
      // The admin fixes the address problem and retries: delivered late, and the record says so.
      mode.refuseRcpt.delete(addr(8));
      const dead = (await deliveryOverview(db, org.orgId)).dead.find((d) => d.email === addr(8))!;
      expect(await retryDeadLetters(db, org.orgId, dead.id, new Date(t + DAY))).toBe(1);
      expect(await coverage()).toEqual({ queued: 9, delivered: 8, pending: 1, failed: 0 });
      await deliverBatch(db, transport, new Date(t + DAY + 1), opts);
      expect(await coverage()).toEqual({ queued: 9, delivered: 9, pending: 0, failed: 0 });
      expect(await listPublicationNoticeCoverage(db, org.orgId)).toEqual([{ proposalId, seatHolders: 9, notified: 9 }]);
      expect(await sumPublicationNoticeCoverage(db, org.orgId)).toEqual({ seatHolders: 9, notified: 9 });
      expect((await failures()).map((e) => e.kind)).toEqual(['notice.failed', 'notice.delivered_after_retry']);
      expect(smtp.received.filter((m) => m.to[0] === addr(8))).toHaveLength(1);
    } finally {
      await transport.close();
      await smtp.close();
    }
  });
});

describe('preferences and unsubscribe', () => {
  it('one-click unsubscribe works without signing in and cannot be forged', async () => {
    const org = await setupOrg('n-unsub', 7);
    const member = org.people[8]!.userId;
    const token = signUnsubscribeToken(SECRET, { userId: member, orgId: org.orgId, kind: 'proposal_published' });
    expect(verifyUnsubscribeToken(SECRET, token)).toEqual({ userId: member, orgId: org.orgId, kind: 'proposal_published' });
    // Forgeries: someone else's id under the same signature, another secret, garbage.
    const [, sig] = token.split('.');
    const forgedPayload = Buffer.from(JSON.stringify([org.people[9]!.userId, org.orgId, 'proposal_published'])).toString('base64url');
    expect(verifyUnsubscribeToken(SECRET, `${forgedPayload}.${sig}`)).toBeNull();
    expect(
      verifyUnsubscribeToken(SECRET, signUnsubscribeToken('another-secret-another-secret-another', { userId: member, orgId: org.orgId, kind: 'decision' })),
    ).toBeNull();
    expect(verifyUnsubscribeToken(SECRET, 'x.y')).toBeNull();
    const forgedResponse = await oneClick(
      new Request(`http://quorate.test/unsubscribe/one-click?t=${forgedPayload}.${sig}`, {
        method: 'POST',
        body: new URLSearchParams({ 'List-Unsubscribe': 'One-Click' }),
      }),
    );
    expect(forgedResponse.status).toBe(400);
    expect(await db.$count(notificationPrefs, eq(notificationPrefs.orgId, org.orgId))).toBe(0);

    // RFC 8058: a bare POST with the token, no cookie.
    const response = await oneClick(
      new Request(`http://quorate.test/unsubscribe/one-click?t=${token}`, { method: 'POST', body: new URLSearchParams({ 'List-Unsubscribe': 'One-Click' }) }),
    );
    expect(response.status).toBe(200);
    await draft(org);
    // The member unsubscribed gets nothing; seat holders still get their mandatory notice.
    expect(await recipients(org, 'proposal_published')).toEqual(['0!', '1!', '2!', '3!', '4!', '5!', '6!', '7', '9']);
  });

  it('a seat holder who turned publications off still gets the mandatory notice', async () => {
    const org = await setupOrg('n-mandatory', 7);
    await db.insert(notificationPrefs).values({ userId: org.people[2]!.userId, orgId: org.orgId, kind: 'proposal_published', mode: 'off' });
    await draft(org);
    expect(await recipients(org, 'proposal_published')).toContain('2!');
  });

  it('daily digest: items wait, then go out as one mail the next day', async () => {
    const org = await setupOrg('n-digest', 7);
    await db.insert(notificationPrefs).values({ userId: org.people[8]!.userId, orgId: org.orgId, kind: 'proposal_published', mode: 'digest' });
    await draft(org);
    const [row] = await db
      .select({ status: outbox.status })
      .from(outbox)
      .where(and(eq(outbox.orgId, org.orgId), eq(outbox.recipientUserId, org.people[8]!.userId), eq(outbox.kind, 'proposal_published')));
    expect(row!.status).toBe('digest');
    expect(await runDigests(db, at(1, 5))).toBe(0); // same day: still waiting
    expect(await runDigests(db, at(2))).toBe(1);
    expect(await runDigests(db, at(2, 1))).toBe(0); // once
    const mails = recordingTransport();
    await deliverDue(db, mails, at(2, 1));
    const digest = mails.sent.find((m) => m.to === 'n-digest-8@example.org')!;
    expect(digest.subject).toBe('[Org n-digest] Daily digest: 1 update');
    expect(digest.text).toContain('New proposal #1 Open board meetings');
    expect(digest.headers?.['List-Unsubscribe']).toBeDefined();
  });
});

describe('scale', () => {
  it('publishing to a 10,000-member organization enqueues every notice in the publishing transaction', async () => {
    const org = await setupOrg('n-scale', 7, charterFromTemplate('nonprofit_board'), 9_990);
    const { id } = await createDraft(
      db,
      org.people[1]!,
      { orgId: org.orgId, typeKey: 'resolution', title: 'Big', body: 'A proposal for everyone.', subjectUserId: null, effect: {}, emergency: false },
      at(1),
    );
    const started = performance.now();
    await publishProposal(db, org.people[1]!, { orgId: org.orgId, proposalId: id }, at(1));
    const publishMs = performance.now() - started;
    expect(await db.$count(outbox, and(eq(outbox.orgId, org.orgId), eq(outbox.kind, 'proposal_published')))).toBe(10_000);
    // The organization's first publication also tells every member that founding appointments closed.
    expect(await db.$count(outbox, and(eq(outbox.orgId, org.orgId), eq(outbox.kind, 'founding_closed')))).toBe(10_000);

    const dir = mkdtempSync(path.join(tmpdir(), 'quorate-mail-scale-'));
    const file = fileMailTransport(dir, 'Quorate <q@quorate.test>');
    const opts = deliveryOptions({ batchSize: 500 });
    let t = performance.now();
    let sent = 0;
    // One batch through each transport from the 20,000 waiting (a batch is what a worker pass takes; more batches
    // would only measure the transports' speed, which is not this test's business).
    sent += (await deliverBatch(db, file, at(1, 1), opts)).sent;
    const fileRate = sent / ((performance.now() - t) / 1000);

    const smtp = await startSmtp({ refuse: false });
    const transport = smtpMailTransport(smtp.url, 'Quorate <q@quorate.test>');
    t = performance.now();
    let smtpSent = 0;
    smtpSent += (await deliverBatch(db, transport, at(1, 1), opts)).sent;
    const smtpRate = smtpSent / ((performance.now() - t) / 1000);
    await transport.close();
    await smtp.close();
    console.log(
      `[bench ${handle.kind}] publish + enqueue 10,000 notices: ${publishMs.toFixed(0)} ms; file transport ${fileRate.toFixed(0)} mails/s (${sent}); SMTP ${smtpRate.toFixed(0)} mails/s (${smtpSent})`,
    );
    expect(sent).toBe(500);
    expect(smtpSent).toBe(500);
  }, 300_000);
});
