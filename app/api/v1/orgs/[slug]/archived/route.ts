import { archiveOrganizationOperation, unarchiveOrganizationOperation } from '@/lib/actions/operations';
import { organizationWrite } from '@/lib/api/write';

type Context = { params: Promise<{ slug: string }> };

/**
 * PUT /api/v1/orgs/{slug}/archived: `{ "confirmation" }`, the organization's name typed as the archive form asks, archives
 * it (a write token; an admin, by the rules the form asks; never while a proposal is undecided): it stays readable and
 * refuses governance and settings changes until it is unarchived (docs/governance-rules.md lists them; disabling a
 * webhook endpoint stays allowed). Logged.
 */
export async function PUT(request: Request, context: Context): Promise<Response> {
  return organizationWrite(request, await context.params, archiveOrganizationOperation, () => ({ ok: true, organization: { archived: true } }), 200);
}

/** DELETE /api/v1/orgs/{slug}/archived: unarchives it (a write token; an admin): it takes changes again. Logged. */
export async function DELETE(request: Request, context: Context): Promise<Response> {
  return organizationWrite(request, await context.params, unarchiveOrganizationOperation, () => ({ ok: true, organization: { archived: false } }), 200);
}
