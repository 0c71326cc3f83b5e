/**
 * The authorization matrix (proposals): every server action, called as every kind of actor with
 * forged form data aimed at organization A, against the exact set of actors allowed to succeed.
 * Actions are public POST endpoints, so this — not what a page shows — is what keeps them closed.
 * The cases are in ./authz/, split over three files so that they run side by side.
 */
import { vi } from 'vitest';
import { session } from './helpers';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
// redirect() after a successful create throws NEXT_REDIRECT; runAs treats it as success.
const { runMatrix, setUpDatabase } = await import('./authz/scenario');
const { proposalCases } = await import('./authz/cases-proposals');

setUpDatabase();
runMatrix('proposals', proposalCases);
