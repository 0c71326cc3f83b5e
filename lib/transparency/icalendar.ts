// iCalendar (RFC 5545) feeds of an organization's dates, built with ical-generator. Pure: the
// caller passes the items, the time of the feed (DTSTAMP) and the host that scopes the UIDs.
// ical-generator escapes text values (backslash, comma, semicolon, newlines) and folds long
// lines; hidden and direction-changing characters are made visible first, as in the Atom feed.

import ical, { ICalCalendarMethod, ICalEventStatus, ICalEventTransparency } from 'ical-generator';
import { revealHidden } from './visible-text';

/** What a calendar item is about: a proposal's comment or voting close (a moment), or a meeting (a start, an end and a place). */
export type CalendarItemKind = 'comment-close' | 'voting-close' | 'meeting';

export type CalendarItem = {
  /**
   * Stable for the life of what it describes, and unique across every feed: it becomes the UID
   * (`<id>@<host>`), so a calendar updates the event it already has instead of adding another.
   * e.g. `proposal-<uuid>-comment-close`, `proposal-<uuid>-stage-0-voting-close`.
   */
  id: string;
  kind: CalendarItemKind;
  /** The event's title (SUMMARY), as it should read in a calendar. */
  title: string;
  start: Date;
  /** Omitted: a moment (a deadline), shown at its time. */
  end?: Date;
  /** A whole day (DATE values, in UTC): start's day, through end's day when given. */
  allDay?: boolean;
  /** The page the item is about. */
  url: string;
  description: string;
  /** A meeting's place or link (LOCATION). */
  location?: string;
  /** Still listed, marked STATUS:CANCELLED, so a subscribed calendar shows it struck out rather than keeping a stale copy. */
  cancelled: boolean;
  /** When what the event says last changed (LAST-MODIFIED); optional. */
  updatedAt?: Date;
};

export type CalendarFeed = {
  name: string;
  description: string;
  /** The host the UIDs are scoped to (`uid@host`): the deployment's, never a request header. */
  uidHost: string;
  /** The page the feed is about. */
  url: string;
  /** DTSTAMP of every event: when this feed was generated. */
  stamp: Date;
  items: readonly CalendarItem[];
};

const DAY_MS = 86_400_000;

function utcDay(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

/** The iCalendar text of `feed`: one VEVENT per item, in the order given; every line, the last too, ends with CRLF. */
export function buildICalendar(feed: CalendarFeed): string {
  const calendar = ical({
    name: revealHidden(feed.name),
    description: revealHidden(feed.description),
    prodId: { company: 'Quorate', product: 'Quorate', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    url: feed.url,
    // A hint to calendars to refresh hourly (X-PUBLISHED-TTL / REFRESH-INTERVAL).
    ttl: 60 * 60,
  });
  for (const item of feed.items) {
    const allDay = item.allDay === true;
    const start = allDay ? utcDay(item.start) : item.start;
    // An all-day DTEND is exclusive: the day after the last day.
    const end = allDay ? new Date(utcDay(item.end ?? item.start).getTime() + DAY_MS) : (item.end ?? item.start);
    calendar.createEvent({
      id: `${item.id}@${feed.uidHost}`,
      stamp: feed.stamp,
      start,
      end,
      allDay,
      summary: revealHidden(item.title),
      description: revealHidden(item.description),
      url: item.url,
      status: item.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      // A deadline does not make anyone busy; a meeting does.
      transparency: item.kind === 'meeting' ? ICalEventTransparency.OPAQUE : ICalEventTransparency.TRANSPARENT,
      ...(item.location ? { location: revealHidden(item.location) } : {}),
      ...(item.updatedAt ? { lastModified: item.updatedAt } : {}),
    });
  }
  // RFC 5545 §3.1 ends every content line with CRLF, the last one too; ical-generator leaves it off (as the meeting
  // invitation, lib/notify/meeting-invite.ts).
  return `${calendar.toString()}\r\n`;
}

/** The response headers of a feed; `cacheControl` is the caller's (public feed or private link). */
export function icalendarHeaders(cacheControl: string): Record<string, string> {
  return { 'Content-Type': 'text/calendar; charset=utf-8', 'Cache-Control': cacheControl, 'X-Content-Type-Options': 'nosniff' };
}
