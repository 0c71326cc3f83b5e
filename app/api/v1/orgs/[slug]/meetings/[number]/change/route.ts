import { updateMeetingOperation } from '@/lib/actions/operations';
import { meetingWrite } from '@/lib/api/write';

type Context = { params: Promise<{ slug: string; number: string }> };

/**
 * POST /api/v1/orgs/{slug}/meetings/{number}/change: `{ "title", "startsAt", "durationMinutes", "location", "agenda" }` (a secretary
 * or an admin, before it starts); the same operation as the meeting's change form: every seat holder is sent the change.
 */
export async function POST(request: Request, context: Context): Promise<Response> {
  return meetingWrite(request, await context.params, updateMeetingOperation, (_input, r) => ({
    ok: true,
    meeting: { number: r.number, shortNotice: r.shortNotice },
  }));
}
