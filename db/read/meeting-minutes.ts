import 'server-only';
import { getDb } from '@/db/client';
import { getActiveCharter } from '@/db/queries/charters';
import { minutesOfMeeting, votesOfRevision } from '@/db/queries/meeting-minutes';
import { roleOf } from '@/db/queries/member-lookups';
import { seatHoldersOfBody } from '@/db/queries/petitions';
import { getUserName } from '@/db/queries/users';
import { mayScheduleMeetings } from '@/lib/governance/meeting';
import { closedMatterWords, draftMinutesText, mayReadMinutes, minutesApproval, minutesSpecOf } from '@/lib/governance/minutes';
import type { MinutesDraftInput, MinutesWords, RollCallForMinutes } from '@/lib/governance/minutes';

/** What the meeting page already knows and the draft starts from. */
export type MinutesContext = Omit<MinutesDraftInput, 'closedMatter'> & { id: string; orgId: string; bodyKey: string; started: boolean; cancelled: boolean };

/**
 * The minutes as this viewer may see them. The text only when mayReadMinutes says so: a closed
 * session's sealed text stays with the body's seat holders until the worker discloses it, so the
 * page (public for a public organization) never receives it. The first draft (`prefill`) is worded by `say`: the
 * page's reader's language; English when not given.
 */
export async function loadMinutesView(m: MinutesContext, viewerId: string | null, rollCalls: readonly RollCallForMinutes[] = [], say?: MinutesWords) {
  const db = getDb();
  const [row, holders, role, charter] = await Promise.all([
    minutesOfMeeting(db, m.id),
    seatHoldersOfBody(db, m.orgId, m.bodyKey),
    viewerId ? roleOf(db, m.orgId, viewerId) : Promise.resolve(null),
    getActiveCharter(db, m.orgId),
  ]);
  const holdsSeat = viewerId !== null && holders.includes(viewerId) && role !== null && role !== 'observer';
  const keepsRecord = mayScheduleMeetings(role);
  const viewer = { holdsSeat, keepsRecord, mayDraft: keepsRecord && m.started && !m.cancelled && !row?.sealedAt };
  const spec = minutesSpecOf(charter?.document ?? {});
  if (!row) {
    return { minutes: null, viewer, disclosureDays: spec.closedDisclosureDays, prefill: viewer.mayDraft ? draftMinutesText(m, rollCalls, say) : null };
  }
  const votes = await votesOfRevision(db, row.id, row.revision);
  const counted = votes.filter((v) => v.userId !== null && holders.includes(v.userId));
  const approval = minutesApproval(counted.filter((v) => v.approve).length, counted.filter((v) => !v.approve).length, m.quorum.charterSeats);
  const own = viewerId ? votes.find((v) => v.userId === viewerId) : undefined;
  const readable = mayReadMinutes(row, { holdsSeat, keepsRecord });
  const draftedBy = row.draftedBy ? ((await getUserName(db, row.draftedBy))?.name ?? null) : null;
  return {
    minutes: {
      revision: row.revision,
      sha256: row.textSha256,
      text: readable ? row.text : null,
      closedMatter: row.closedMatter,
      matterWords: row.closedMatter ? closedMatterWords[row.closedMatter] : null,
      draftedAt: row.draftedAt,
      draftedBy,
      sealedAt: row.sealedAt,
      disclosesAt: row.disclosesAt,
      disclosedAt: row.disclosedAt,
      approval,
    },
    viewer: { ...viewer, ownAnswer: own ? (own.approve ? ('approved' as const) : ('rejected' as const)) : null, mayAnswer: holdsSeat && !row.sealedAt && !own },
    disclosureDays: spec.closedDisclosureDays,
    prefill: null,
  };
}
