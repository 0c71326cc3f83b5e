import { getDb } from '@/db/client';
import { personalDataExport } from '@/db/queries/account-export';
import { getSessionUser } from '@/lib/auth/session';
import { now } from '@/lib/clock';

export const dynamic = 'force-dynamic';

/**
 * The signed-in person's own data as one JSON download. Only ever the caller's: there is no
 * parameter naming whose data, so no one can ask for another person's.
 */
export async function GET(): Promise<Response> {
  const user = await getSessionUser();
  if (!user) return new Response('Sign in to download your data.', { status: 401, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  const data = await personalDataExport(getDb(), user.id);
  if (!data) return new Response('No such account.', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  const exportedAt = now();
  const body = JSON.stringify({ format: 'quorate-personal-data/1', exportedAt: exportedAt.toISOString(), ...data }, null, 2);
  return new Response(body, {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="quorate-my-data-${exportedAt.toISOString().slice(0, 10)}.json"`,
      'cache-control': 'private, no-store',
    },
  });
}
