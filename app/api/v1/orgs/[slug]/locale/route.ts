import { setOrganizationLocaleOperation } from '@/lib/actions/operations';
import { organizationWrite } from '@/lib/api/write';

type Context = { params: Promise<{ slug: string }> };

/**
 * PUT /api/v1/orgs/{slug}/locale: `{ "locale" }` sets the organization's default language, `en`, `fr` or `de` (an admin's
 * write token; 403 `action.forbidden` for anyone else, as the settings form answers), a display setting, not logged.
 */
export async function PUT(request: Request, context: Context): Promise<Response> {
  return organizationWrite(
    request,
    await context.params,
    setOrganizationLocaleOperation,
    (input, changed) => ({ ok: true, locale: input.locale, changed }),
    200,
  );
}
