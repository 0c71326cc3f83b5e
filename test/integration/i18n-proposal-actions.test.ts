/**
 * The proposal page's success lines reach a reader in their language through the production path: a real server action
 * (app/o/[slug]/proposals/actions.ts) and the request's language as next-intl resolves it (the person's choice, else the
 * browser's Accept-Language). As in i18n-refusals.test.ts, only the session, the request's headers and next-intl's
 * `getLocale` are replaced.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { initialActionState } from '@/lib/actions/state';
import { foundOrganization, signInAsPerson } from './fixtures/organization';
import type { FoundedOrganization } from './fixtures/organization';
import { publishedProposal } from './fixtures/scenario';
import { form, session, signInAs, withTestDatabase } from './helpers';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
/** The browser's Accept-Language of the request being made (`request.acceptLanguage`), and next-intl's `getLocale`. */
const request = await vi.hoisted(async () => (await import('./support/request-locale-mock')).requestLocaleMock());
vi.mock('next/headers', () => request.nextHeaders);
vi.mock('next-intl/server', () => request.nextIntlServer);

const { setMyLocaleAction } = await import('@/app/account/actions');
const { followProposalAction, postCommentAction } = await import('@/app/o/[slug]/proposals/actions');

let db: Database;
let org: FoundedOrganization;
let proposalId: string;
withTestDatabase({ app: true }, async (ready) => {
  db = ready.db;
  const now = new Date();
  org = await foundOrganization(db, { slug: 'i18n-proposal-actions', seated: 3, at: new Date(now.getTime() - 86_400_000) });
  // Published now: its comment window is open for the actions, which run on the real clock.
  proposalId = await publishedProposal(db, org.people[1]!, org.orgId, { title: 'A garden rota', body: 'Who waters the garden, and when.' }, now);
});

beforeEach(() => {
  signInAs(null);
  request.acceptLanguage = null;
});

const comment = (body: string) => postCommentAction(initialActionState, form({ orgId: org.orgId, proposalId, body }));
const follow = (on: boolean) => followProposalAction(initialActionState, form({ orgId: org.orgId, proposalId, follow: String(on) }));

describe('the proposal page’s success lines in the reader’s language', () => {
  it('an English reader gets the English line, word for word', async () => {
    signInAsPerson(org, 2);
    expect(await comment('An English comment on the rota.')).toMatchObject({ ok: true, message: 'Comment posted.' });
    expect(await follow(false)).toMatchObject({ ok: true, message: 'You no longer follow this proposal.' });
  });

  it('a person who chose French is answered in French', async () => {
    signInAsPerson(org, 3);
    expect(await setMyLocaleAction(initialActionState, form({ locale: 'fr' }))).toMatchObject({ ok: true });
    expect(await comment('Un commentaire en français sur le planning.')).toMatchObject({ ok: true, message: 'Commentaire publié.' });
    expect(await follow(true)).toMatchObject({ ok: true, message: expect.stringMatching(/^Vous suivez cette proposition/) });
  });

  it('a German browser, no choice of their own, is answered in German', async () => {
    signInAsPerson(org, 4);
    request.acceptLanguage = 'de-DE,de;q=0.9';
    expect(await comment('Ein Kommentar auf Deutsch zum Plan.')).toMatchObject({ ok: true, message: 'Kommentar veröffentlicht.' });
  });
});
