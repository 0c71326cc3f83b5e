/**
 * Two parameters inside translated refusals that the rules used to pass as English words only, through the real
 * server actions (the action wrapper, the request's language as next-intl resolves it): a webhook delivery's state
 * (`webhook.delivery_not_dead`, a `status:delivery` fact) and the bodies that fill a vacancy (`vacancy.wrong_filler`,
 * a `fillers:bodies` fact: the names the charter gives, joined by the reader's “or”, Intl.ListFormat). English stays
 * the rules' English word for word. Only the session, the request's headers, next-intl's `getLocale` and the clock
 * are replaced.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { webhookDeliveries } from '@/db/schema';
import { initialActionState } from '@/lib/actions/state';
import type { ActionState } from '@/lib/actions/state';
import { formatMessage } from '@/lib/governance/messages';
import { appointment, body, half, majority, stage } from '@/lib/governance/template-parts';
import { charterFromTemplate } from '@/lib/governance/templates';
import { registerWebhookEndpoint } from '@/lib/use-cases/webhooks';
import type * as ClockModule from '@/lib/clock';
import { foundOrganization, signInAsPerson } from './fixtures/organization';
import type { FoundedOrganization } from './fixtures/organization';
import { form, session, signInAs, withTestDatabase } from './helpers';

const T0 = new Date('2026-03-02T09:00:00Z');
vi.mock('@/lib/clock', async (importOriginal) => ({ ...(await importOriginal<typeof ClockModule>()), now: () => new Date(T0) }));
vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
const request = await vi.hoisted(async () => (await import('./support/request-locale-mock')).requestLocaleMock());
vi.mock('next/headers', () => request.nextHeaders);
vi.mock('next-intl/server', () => request.nextIntlServer);

const { replayWebhookDeliveryAction } = await import('@/app/o/[slug]/settings/webhooks/actions');
const { createProposalAction } = await import('@/app/o/[slug]/proposals/actions');

let db: Database;
let org: FoundedOrganization;
const deliveries: Record<'pending' | 'delivered', string> = { pending: '', delivered: '' };

/** The nonprofit charter with a finance committee that may appoint (only) to seats nobody lets it fill. */
function charterWithCommittee() {
  const charter = charterFromTemplate('nonprofit_board');
  charter.bodies.push(body('finance', 'Finance committee', 3, 2, 60, {}, { byOwnBody: true, byRemainingMajority: true, byBodyKey: 'board' }));
  charter.proposalTypes.push(
    appointment('finance_appointment', 'Appointment by the finance committee', stage('finance', 72, half, majority, 'votes_cast'), 'members'),
  );
  return charter;
}

withTestDatabase({ app: true }, async (ready) => {
  db = ready.db;
  org = await foundOrganization(db, { slug: 'i18n-lists', seated: 3, at: new Date(T0.getTime() - 86_400_000), charter: charterWithCommittee() });
  const endpoint = await registerWebhookEndpoint(
    db,
    { orgId: org.orgId, actorId: org.admin.userId, url: 'http://127.0.0.1:9/hook', kinds: null, at: T0 },
    { allowPrivate: true },
  );
  for (const [seq, status] of [
    [1, 'pending'],
    [2, 'delivered'],
  ] as const) {
    const [row] = await db
      .insert(webhookDeliveries)
      .values({ orgId: org.orgId, endpointId: endpoint.id, seq, kind: 'proposal.published', status, attempts: 1, nextAttemptAt: T0, createdAt: T0 })
      .returning({ id: webhookDeliveries.id });
    deliveries[status] = row!.id;
  }
});

beforeEach(() => {
  signInAs(null);
  request.acceptLanguage = null;
});

const replay = (status: keyof typeof deliveries) => {
  signInAsPerson(org, 0);
  return replayWebhookDeliveryAction(initialActionState, form({ orgId: org.orgId, deliveryId: deliveries[status] }));
};

/** The finance committee appoints to a vacant board seat: the board fills it, or the member assembly. */
const committeeAppoints = (): Promise<ActionState> => {
  signInAsPerson(org, 1);
  return createProposalAction(
    initialActionState,
    form({
      orgId: org.orgId,
      typeKey: 'finance_appointment',
      title: 'The committee fills a board seat',
      body: 'The finance committee appoints a director.',
      seatId: org.boardSeats[5]!,
      appointeeUserId: org.people[6]!.userId,
    }),
  );
};

const languages = { fr: 'fr-FR,fr;q=0.9', de: 'de-DE,de;q=0.9' } as const;

describe('a webhook delivery’s state inside the refusal to replay it', () => {
  it('English: the rules’ English word for word', async () => {
    for (const status of ['pending', 'delivered'] as const) {
      const state = await replay(status);
      expect(state).toMatchObject({ ok: false, code: 'webhook.delivery_not_dead' });
      expect(state.message).toBe(formatMessage('webhook.delivery_not_dead', { status }));
    }
    expect((await replay('delivered')).message).toBe('Only a delivery that has given up (a dead letter) can be replayed; this one is delivered.');
  });

  it.each([
    ['fr', 'Seule une livraison abandonnée (une lettre morte) peut être rejouée ; celle-ci est : livrée.', 'celle-ci est : en attente.'],
    ['de', 'Nur eine aufgegebene Zustellung (ein Dead Letter) kann erneut ausgeführt werden; diese ist: zugestellt.', 'diese ist: ausstehend.'],
  ] as const)('%s: the state in the reader’s words, no English left', async (locale, delivered, pending) => {
    request.acceptLanguage = languages[locale];
    expect((await replay('delivered')).message).toBe(delivered);
    request.acceptLanguage = languages[locale];
    const state = await replay('pending');
    expect(state.message).toContain(pending);
    expect(state.message).not.toMatch(/\b(pending|delivered)\b/);
  });
});

describe('the bodies that fill a vacancy, in the reader’s “or”', () => {
  it('English: the rules’ English word for word', async () => {
    const state = await committeeAppoints();
    expect(state).toMatchObject({ ok: false, code: 'vacancy.wrong_filler' });
    expect(state.message).toBe('Vacancies of the board are filled by the board or the member assembly, not by the finance committee.');
    expect(state.fieldErrors?.seatId).toEqual([state.message]);
  });

  it.each([
    [
      'fr',
      'Les sièges vacants de l’organe « board » sont pourvus par l’organe « board » ou l’organe « member assembly », non par l’organe « finance committee ».',
    ],
    [
      'de',
      'Freie Sitze des Gremiums „board“ werden durch das Gremium „board“ oder das Gremium „member assembly“ besetzt, nicht durch das Gremium „finance committee“.',
    ],
  ] as const)('%s: the charter’s names as written, joined by the reader’s “or”', async (locale, expected) => {
    request.acceptLanguage = languages[locale];
    const state = await committeeAppoints();
    expect(state).toMatchObject({ ok: false, code: 'vacancy.wrong_filler' });
    expect(state.message).toBe(expected);
    expect(state.fieldErrors?.seatId).toEqual([expected]);
    expect(state.message!.replace(/[«„][^»“]*[»“]/g, '')).not.toMatch(/\b(the|or)\b/);
  });
});
