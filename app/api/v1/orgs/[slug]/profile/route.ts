import { saveOrganizationProfileOperation } from '@/lib/actions/operations';
import { organizationWrite } from '@/lib/api/write';

type Context = { params: Promise<{ slug: string }> };

/**
 * PUT /api/v1/orgs/{slug}/profile: `{ "name", "mission", "visibility" }` saves the organization's profile (a write token;
 * an admin, by the rules the settings form asks: `organization.profile_admin_only` otherwise), each change logged with
 * what it was before; `changed` is false when nothing differed (nothing logged).
 */
export async function PUT(request: Request, context: Context): Promise<Response> {
  return organizationWrite(
    request,
    await context.params,
    saveOrganizationProfileOperation,
    (input, changed) => ({ ok: true, profile: { name: input.name, mission: input.mission, visibility: input.visibility }, changed }),
    200,
  );
}
