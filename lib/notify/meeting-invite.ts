// The iCalendar invitation a meeting notice carries (RFC 5546 iTIP, built with ical-generator):
// METHOD:REQUEST for a scheduled or changed meeting, METHOD:CANCEL for a cancelled one. The UID is
// the meeting's for its whole life and SEQUENCE counts its changes, so a calendar that has the
// invitation updates (or removes) the same event. Pure: the caller passes the notice and who it is for.
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { revealHidden } from '@/lib/transparency/visible-text';
import type { MeetingNotice } from './payload';

export type MailAttachment = { filename: string; contentType: string; content: string };

/** The meeting's UID in every invitation and feed: `meeting-<id>@<host>`. */
export function meetingUid(meetingId: string, host: string): string {
  return `meeting-${meetingId}@${host}`;
}

export function meetingInvite(p: {
  meeting: MeetingNotice;
  organizationName: string;
  host: string;
  url: string;
  recipient: { email: string; name: string | null };
  /** DTSTAMP: when the notice was given. */
  stamp: Date;
}): MailAttachment {
  const m = p.meeting;
  const method = m.change === 'cancelled' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST;
  const calendar = ical({ prodId: { company: 'Quorate', product: 'Quorate', language: 'EN' }, method });
  calendar.createEvent({
    id: meetingUid(m.id, p.host),
    sequence: m.sequence,
    stamp: p.stamp,
    start: new Date(m.startsAt),
    end: new Date(m.endsAt),
    summary: revealHidden(`${p.organizationName}: ${m.title} (${m.bodyName})`),
    description: revealHidden(
      [
        `${m.meetingKind === 'special' ? 'Special' : 'Regular'} meeting #${m.number} of the ${m.bodyName}.`,
        ...m.agenda.map((a, i) => `${i + 1}. ${a}`),
        p.url,
      ].join('\n'),
    ),
    location: revealHidden(m.location),
    url: p.url,
    status: m.change === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    // The organizer is the organization (its notices come from the mail address Quorate sends from).
    organizer: { name: p.organizationName, email: `no-reply@${p.host}` },
    attendees: [{ email: p.recipient.email, name: p.recipient.name, role: ICalAttendeeRole.REQ, status: ICalAttendeeStatus.NEEDSACTION, rsvp: false }],
  });
  return {
    filename: m.change === 'cancelled' ? 'cancel.ics' : 'invite.ics',
    contentType: `text/calendar; charset=utf-8; method=${method}`,
    content: calendar.toString(),
  };
}
