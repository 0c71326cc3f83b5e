// The iCalendar invitation a meeting notice carries (RFC 5546 iTIP, built with ical-generator):
// METHOD:REQUEST for a scheduled or changed meeting, METHOD:CANCEL for a cancelled one. The UID is
// the meeting's for its whole life and SEQUENCE counts its changes, so a calendar that has the
// invitation updates (or removes) the same event. Its words (the summary's punctuation and the
// description's first line) are in the recipient's language, as the notice it rides with
// (`mail.meeting.invite`). ical-generator escapes backslashes, semicolons, commas and line breaks in
// each TEXT value (RFC 5545 §3.3.11) and folds every line longer than 75 octets, never inside a
// character (§3.1); the last line's CRLF is added here. Pure: the caller passes the notice and who it is for.
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { translatorFor } from '@/lib/i18n/catalogue';
import type { Locale } from '@/lib/i18n/locales';
import { revealHidden } from '@/lib/transparency/visible-text';
import { itemText } from './localized-body-lines';
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
  /** The recipient's language, the notice's (English when none is given). */
  locale?: Locale;
}): MailAttachment {
  const m = p.meeting;
  const t = translatorFor(p.locale ?? 'en');
  const method = m.change === 'cancelled' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST;
  const calendar = ical({ prodId: { company: 'Quorate', product: 'Quorate', language: 'EN' }, method });
  calendar.createEvent({
    id: meetingUid(m.id, p.host),
    sequence: m.sequence,
    stamp: p.stamp,
    start: new Date(m.startsAt),
    end: new Date(m.endsAt),
    summary: revealHidden(t('mail.meeting.invite.summary', { organization: p.organizationName, title: m.title, body: m.bodyName })),
    description: revealHidden(
      [
        t('mail.meeting.invite.description', { kind: m.meetingKind === 'special' ? 'special' : 'regular', number: m.number, body: m.bodyName }),
        // A proposal taken as an item, stored as English (`proposalItemText`), in the recipient's words.
        ...m.agenda.map((a, i) => `${i + 1}. ${itemText({ t }, a, m.agendaProposals?.[i])}`),
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
    // RFC 5545 §3.1 ends every content line with CRLF, the last one too; ical-generator leaves it off.
    content: `${calendar.toString()}\r\n`,
  };
}
