import { describe, expect, it } from 'vitest';
import { meetingCalendarItems, mergeCalendarItems } from './calendar-items';
import { buildICalendar } from './icalendar';

const meeting = {
  meetingId: 'm1',
  orgSlug: 'acme',
  orgName: 'Acme',
  number: 3,
  title: 'Budget review',
  kind: 'regular' as const,
  bodyKey: 'board',
  bodyName: 'Board',
  startsAt: new Date('2026-05-04T18:00:00Z'),
  endsAt: new Date('2026-05-04T19:30:00Z'),
  location: 'Room 2',
  cancelled: false,
  updatedAt: new Date('2026-04-20T10:00:00Z'),
};
const options = { origin: 'https://q.example', since: new Date('2026-04-01T00:00:00Z') };

describe('meetings in the calendar feeds', () => {
  it('a meeting is a busy event with its place, its page and a stable id; a cancelled one stays, cancelled', () => {
    const [item] = meetingCalendarItems([meeting], options);
    expect(item).toMatchObject({ id: 'meeting-m1-feed', kind: 'meeting', start: meeting.startsAt, end: meeting.endsAt, location: 'Room 2', cancelled: false });
    expect(item!.url).toBe('https://q.example/o/acme/meetings/3');
    const ics = buildICalendar({ name: 'Acme', description: '', uidHost: 'q.example', url: 'https://q.example/o/acme', stamp: new Date(), items: [item!] });
    expect(ics).toContain('UID:meeting-m1-feed@q.example');
    expect(ics).toContain('LOCATION:Room 2');
    expect(ics).toContain('TRANSP:OPAQUE');
    expect(meetingCalendarItems([{ ...meeting, cancelled: true }], options)[0]!.title).toMatch(/^Cancelled: /);
  });

  it('keeps one body’s meetings when filtered, drops meetings that ended before the look-back, and merges in time order', () => {
    expect(meetingCalendarItems([meeting], { ...options, bodyKey: 'members' })).toEqual([]);
    expect(meetingCalendarItems([meeting], { ...options, since: new Date('2026-06-01T00:00:00Z') })).toEqual([]);
    const later = meetingCalendarItems(
      [{ ...meeting, meetingId: 'm2', startsAt: new Date('2026-06-01T10:00:00Z'), endsAt: new Date('2026-06-01T11:00:00Z') }],
      options,
    );
    expect(mergeCalendarItems(later, meetingCalendarItems([meeting], options)).map((i) => i.id)).toEqual(['meeting-m1-feed', 'meeting-m2-feed']);
  });
});
