/**
 * The authorization matrix (account, organization, members, seats): every server action, called as every kind of actor with
 * forged form data aimed at organization A, against the exact set of actors allowed to succeed.
 * Actions are public POST endpoints, so this — not what a page shows — is what keeps them closed.
 * The cases are in ./authz/, split over three files so that they run side by side.
 */
import { vi } from 'vitest';
import { session } from './helpers';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
// redirect() after a successful create throws NEXT_REDIRECT; runAs treats it as success.
const { checkCompleteness, runMatrix, setUpDatabase } = await import('./authz/scenario');
const { accountCases } = await import('./authz/cases-account');
const { proposalCases } = await import('./authz/cases-proposals');
const { bodyCases } = await import('./authz/cases-bodies');

setUpDatabase();
// A new action fails this until it is added to one of the case tables.
checkCompleteness({ ...accountCases, ...proposalCases, ...bodyCases });
runMatrix('account, organization, members, seats', accountCases);
