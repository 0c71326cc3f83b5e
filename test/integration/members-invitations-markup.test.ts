/**
 * The members page shows the pending invitations, with the invited addresses, to admins only (who alone may revoke or
 * resend them, as GET /api/v1/orgs/{slug}/invitations serves them to admins only): a secretary's, a member's or an
 * observer's page has neither the list nor the address, nor the count of invitations; the admin's has all three.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { users } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { initialActionState } from '@/lib/actions/state';
import type { Locale } from '@/lib/i18n/locales';
import { pageText } from '../support/server-intl';
import { form, session, signInAs, withTestDatabase } from './helpers';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock('next/navigation', async (original) => ({ ...(await original<object>()), useRouter: () => ({ refresh: () => {} }) }));
vi.mock('next-intl/server', async () => (await import('../support/server-intl')).nextIntlServer);
vi.mock('@/components/i18n/page-messages', () => ({ PageMessages: ({ children }: { children: React.ReactNode }) => children }));

const { inviteMemberAction } = await import('@/app/o/[slug]/members/actions');
const MembersPage = (await import('@/app/o/[slug]/members/page')).default;

const slug = 'riverbend-commons';
const invited = 'rosa.invited@garden.example.org';
let db: Database;
let orgId: string;

withTestDatabase({ app: true }, async (ready) => {
  db = ready.db;
  ({ orgId } = await seedDemo(db));
  signInAs(await person('ada@'));
  const sent = await inviteMemberAction(initialActionState, form({ orgId, email: invited, name: 'Rosa Invited', role: 'member' }));
  expect(sent.ok, sent.message).toBe(true);
});

async function person(prefix: string) {
  const u = (await db.select({ id: users.id, email: users.email, name: users.name }).from(users)).find((x) => x.email.startsWith(prefix));
  return u!;
}

async function membersPageAs(prefix: string, locale: Locale = 'en'): Promise<string> {
  signInAs(await person(prefix));
  return pageText(locale, () => MembersPage({ params: Promise.resolve({ slug }), searchParams: Promise.resolve({ done: 'revoked' }) }));
}

describe('pending invitations on the members page', () => {
  it('shows the admin the pending invitation, its address and its count', async () => {
    const text = await membersPageAs('ada@');
    expect(text).toContain(invited);
    expect(text).toContain('Rosa Invited');
    expect(text).toContain('Pending invitations (1)');
    expect(text).toContain('and 1 pending invitation');
    expect(text).toContain('Invitation revoked. The link');
  });

  it.each(['grace@', 'linus@', 'tim@'])('shows %s (secretary, member, observer) no invitation, no invited address, no count', async (who) => {
    for (const locale of ['en', 'fr', 'de'] as const) {
      const text = await membersPageAs(who, locale);
      // The page itself rendered, with the members and their addresses.
      expect(text).toContain('ada@demo.quorate.localhost');
      expect(text).not.toContain(invited);
      expect(text).not.toContain('Rosa Invited');
    }
    const text = await membersPageAs(who);
    expect(text).not.toContain('Pending invitations');
    expect(text).not.toContain('and 1 pending invitation');
    expect(text).toContain('11 members. Only members');
    expect(text).not.toContain('Invitation revoked. The link');
  });
});
