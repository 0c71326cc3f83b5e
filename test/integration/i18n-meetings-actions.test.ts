/**
 * The meetings actions' success lines in the reader's language, through the production path: a
 * real server action and the request's language as next-intl resolves it (here the browser's
 * Accept-Language). Only the session, the request's headers and next-intl's `getLocale` are replaced.
 */
import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { meetings, users } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { initialActionState } from '@/lib/actions/state';
import { expectRedirect, form, session, signInAs, withTestDatabase } from './helpers';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock('@/lib/rate-limit', () => ({ consumeLimit: async () => ({ ok: true }), consumeLimitIn: async () => ({ ok: true }) }));
/** The browser's Accept-Language of the request being made (`request.acceptLanguage`), and next-intl's `getLocale`. */
const request = await vi.hoisted(async () => (await import('./support/request-locale-mock')).requestLocaleMock());
vi.mock('next/headers', () => request.nextHeaders);
vi.mock('next-intl/server', () => request.nextIntlServer);

const { scheduleMeetingAction, cancelMeetingAction } = await import('@/app/o/[slug]/meetings/actions');

const HOUR = 3_600_000;
let db: Database;
let orgId: string;
let grace: { id: string; email: string; name: string | null };
withTestDatabase({ app: true }, async (ready) => {
  db = ready.db;
  ({ orgId } = await seedDemo(db));
  grace = (await db.select().from(users)).find((u) => u.email.startsWith('grace@'))!;
});
beforeEach(() => {
  signInAs(grace);
  request.acceptLanguage = null;
});

/** A meeting of the board ten days ahead, well inside any notice: its number. */
async function schedule(): Promise<number> {
  const startsAt = new Date(Math.ceil((Date.now() + 240 * HOUR) / 60_000) * 60_000).toISOString().slice(0, 16);
  const to = await expectRedirect(() =>
    scheduleMeetingAction(
      initialActionState,
      form({ orgId, bodyKey: 'board', kind: 'regular', title: 'Budget', startsAt, durationMinutes: '90', location: 'Town hall', agenda: 'The budget' }),
    ),
  );
  return Number(to.split('/').at(-1));
}

async function idOf(number: number): Promise<string> {
  const [m] = await db
    .select({ id: meetings.id })
    .from(meetings)
    .where(and(eq(meetings.orgId, orgId), eq(meetings.number, number)));
  return m!.id;
}

describe('meetings actions’ success lines in the reader’s language', () => {
  it('English without a language asked for, French for a French browser, German for a German one', async () => {
    const cancel = async (number: number) =>
      cancelMeetingAction(initialActionState, form({ orgId, meetingId: await idOf(number), reason: 'The report is late.' }));
    const first = await schedule();
    expect(await cancel(first)).toMatchObject({ ok: true, message: `Meeting #${first} is cancelled; every seat holder is being told.` });
    request.acceptLanguage = 'fr-FR,fr;q=0.9';
    const second = await schedule();
    expect(await cancel(second)).toMatchObject({ ok: true, message: `La réunion n° ${second} est annulée ; chaque titulaire de siège en est informé.` });
    request.acceptLanguage = 'de-DE';
    const third = await schedule();
    expect(await cancel(third)).toMatchObject({ ok: true, message: `Sitzung Nr. ${third} ist abgesagt; jeder Sitzinhaber wird benachrichtigt.` });
  });
});
