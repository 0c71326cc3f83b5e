import 'server-only';
import { getDb } from '@/db/client';
import { findCalendarFeedOwner, getCalendarFeedStatus, listCalendarOrganizations, listCalendarProposalRows, touchCalendarFeed } from '@/db/queries/calendar';
import type { CalendarFeedStatus } from '@/db/queries/calendar';
import { getActiveCharter } from '@/db/queries/charters';
import { listCalendarMeetingRows } from '@/db/queries/meetings';
import { groupProposalDates, meetingCalendarItems, mergeCalendarItems, proposalCalendarItems } from '@/lib/transparency/calendar-items';
import type { MeetingDates } from '@/lib/transparency/calendar-items';
import type { CalendarItem } from '@/lib/transparency/icalendar';

export type { CalendarFeedStatus };

/** How far back a feed reaches: recent closes stay visible a while, older ones drop off. */
export const calendarLookbackDays = 60;
/** At most this many proposal-stage rows per feed. */
const rowLimit = 2000;

const since = (at: Date) => new Date(at.getTime() - calendarLookbackDays * 86_400_000);

/** The meetings of these organizations for a feed, each with its body's name from its organization's charter. */
async function meetingDates(orgIds: string[], at: Date): Promise<MeetingDates[]> {
  const db = getDb();
  const rows = await listCalendarMeetingRows(db, { orgIds, since: since(at), limit: rowLimit });
  const charters = new Map(await Promise.all([...new Set(rows.map((r) => r.orgId))].map(async (id) => [id, await getActiveCharter(db, id)] as const)));
  return rows.map((r) => ({
    ...r,
    bodyName: charters.get(r.orgId)?.document.bodies.find((b) => b.key === r.bodyKey)?.name ?? r.bodyKey,
    cancelled: r.cancelledAt !== null,
  }));
}

/** The bodies of an organization's current charter, for the feed's filter and the subscribe links. */
export async function loadCalendarBodies(orgId: string): Promise<{ key: string; name: string }[]> {
  const charter = await getActiveCharter(getDb(), orgId);
  return charter ? charter.document.bodies.map((b) => ({ key: b.key, name: b.name })) : [];
}

/**
 * An organization's calendar: what its public pages show (published and withdrawn proposals,
 * never drafts), optionally only what one body decides. The caller has checked the organization
 * may be read. Null when `bodyKey` names no body of its charter.
 */
export async function loadOrganizationCalendar(
  org: { id: string },
  bodyKey: string | null,
  at: Date,
  origin: string,
): Promise<{ items: CalendarItem[]; body: { key: string; name: string } | null } | null> {
  let body: { key: string; name: string } | null = null;
  if (bodyKey !== null) {
    body = (await loadCalendarBodies(org.id)).find((b) => b.key === bodyKey) ?? null;
    if (!body) return null;
  }
  const [rows, meetings] = await Promise.all([
    listCalendarProposalRows(getDb(), { orgIds: [org.id], since: since(at), userId: null, limit: rowLimit }),
    meetingDates([org.id], at),
  ]);
  const options = { origin, since: since(at), bodyKey };
  return { items: mergeCalendarItems(proposalCalendarItems(groupProposalDates(rows), options), meetingCalendarItems(meetings, options)), body };
}

/**
 * The personal calendar behind a token's hash: the proposals of every organization its owner
 * belongs to, their own decisions marked. Null for a hash no feed has (unknown, or rotated away).
 */
export async function loadPersonalCalendar(tokenHash: string, at: Date, origin: string): Promise<{ items: CalendarItem[] } | null> {
  const db = getDb();
  const userId = await findCalendarFeedOwner(db, tokenHash);
  if (!userId) return null;
  const orgs = await listCalendarOrganizations(db, userId);
  const [rows, meetings] = await Promise.all([
    listCalendarProposalRows(db, { orgIds: orgs.map((o) => o.id), since: since(at), userId, limit: rowLimit }),
    meetingDates(
      orgs.map((o) => o.id),
      at,
    ),
  ]);
  await touchCalendarFeed(db, userId, at);
  const options = { origin, since: since(at), withOrgName: true };
  return { items: mergeCalendarItems(proposalCalendarItems(groupProposalDates(rows), options), meetingCalendarItems(meetings, options)) };
}

/** The account page's view of the person's feed: its dates, or null when they have none. */
export async function loadCalendarFeedStatus(userId: string): Promise<CalendarFeedStatus | null> {
  return getCalendarFeedStatus(getDb(), userId);
}

/** How many organizations a personal feed covers. */
export async function loadCalendarOrganizationCount(userId: string): Promise<number> {
  return (await listCalendarOrganizations(getDb(), userId)).length;
}
