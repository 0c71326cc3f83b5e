import { createProposalOperation } from '@/lib/actions/operations';
import { loadApiProposalPage } from '@/db/read/api-v1';
import { readableOrganization } from '@/lib/api/auth';
import { parseQuery, readResponse } from '@/lib/api/read';
import { proposalListQuerySchema } from '@/lib/api/schemas';
import { organizationWrite } from '@/lib/api/write';
import { now } from '@/lib/clock';

type Context = { params: Promise<{ slug: string }> };

/** GET /api/v1/orgs/{slug}/proposals?cursor=&limit=: the proposals, newest first, a page at a time (`next_cursor` null on the last). */
export async function GET(request: Request, context: Context): Promise<Response> {
  const { slug } = await context.params;
  const at = now();
  const query = parseQuery(request, proposalListQuerySchema);
  if (query instanceof Response) return query;
  const ctx = await readableOrganization(request, slug, at);
  if (ctx instanceof Response) return ctx;
  const page = await loadApiProposalPage(ctx.org.id, ctx.viewerId, at, { before: query.cursor, limit: query.limit });
  return readResponse({ proposals: page.items, next_cursor: page.nextBefore === null ? null : String(page.nextBefore) }, ctx.caller, ctx.org);
}

/** POST /api/v1/orgs/{slug}/proposals: a new draft from the new-proposal form's fields as JSON; the same operation as the form. Publish it with …/{number}/publish. */
export async function POST(request: Request, context: Context): Promise<Response> {
  return organizationWrite(request, await context.params, createProposalOperation, (_input, created) => ({
    ok: true,
    proposal: { number: created.number, status: 'draft' },
  }));
}
