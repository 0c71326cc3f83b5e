import { loadApiPetition } from '@/db/read/api-v1-acts';
import { readOneByNumber } from '@/lib/api/read';

type Context = { params: Promise<{ slug: string; number: string }> };

/** GET /api/v1/orgs/{slug}/petitions/{number}: one petition as its page shows it to the caller (signers' names only when the charter makes them public). */
export async function GET(request: Request, context: Context): Promise<Response> {
  return readOneByNumber(request, context.params, 'petition', loadApiPetition);
}
