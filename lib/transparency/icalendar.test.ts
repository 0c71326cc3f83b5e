import { describe, expect, it } from 'vitest';
import { commentCloseId, groupProposalDates, proposalCalendarItems, votingCloseId } from './calendar-items';
import type { ProposalDates } from './calendar-items';
import { buildICalendar } from './icalendar';
import type { CalendarItem } from './icalendar';
import { parseICalendar } from '@/test/support/icalendar-parse';

const stamp = new Date('2026-03-01T12:00:00Z');
const item = (over: Partial<CalendarItem> = {}): CalendarItem => ({
  id: 'proposal-1-comment-close',
  kind: 'comment-close',
  title: '#1 Buy a boat — comment window closes',
  start: new Date('2026-03-05T17:30:00Z'),
  url: 'https://q.example/o/acme/proposals/1',
  description: 'Acme, proposal #1',
  cancelled: false,
  ...over,
});
const feed = (items: CalendarItem[], at = stamp) =>
  parseICalendar(buildICalendar({ name: 'Acme', description: 'Dates', uidHost: 'q.example', url: 'https://q.example/o/acme', stamp: at, items }));

describe('buildICalendar', () => {
  it('writes one VEVENT per item with UID, DTSTAMP, SUMMARY, URL and DESCRIPTION', () => {
    const cal = feed([item()]);
    expect(cal.props.VERSION).toBe('2.0');
    expect(cal.props.METHOD).toBe('PUBLISH');
    expect(cal.events).toHaveLength(1);
    const e = cal.events[0]!;
    expect(e.UID).toBe('proposal-1-comment-close@q.example');
    expect(e.DTSTAMP).toBe('20260301T120000Z');
    expect(e.DTSTART).toBe('20260305T173000Z');
    expect(e.SUMMARY).toBe('#1 Buy a boat — comment window closes');
    expect(e['URL;VALUE=URI']).toBe('https://q.example/o/acme/proposals/1');
    expect(e.DESCRIPTION).toBe('Acme, proposal #1');
    expect(e.STATUS).toBe('CONFIRMED');
    expect(e.TRANSP).toBe('TRANSPARENT');
  });

  it('ends every line with CRLF, the last one too (RFC 5545 §3.1), with or without events', () => {
    for (const items of [[], [item(), item({ id: 'b', title: 'x'.repeat(200) })]]) {
      const raw = buildICalendar({ name: 'Acme', description: 'Dates', uidHost: 'q.example', url: 'https://q.example/o/acme', stamp, items });
      expect(raw.endsWith('\r\nEND:VCALENDAR\r\n')).toBe(true);
      expect(raw.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    }
  });

  it('keeps the UID of an event from one fetch to the next (calendars update, not duplicate)', () => {
    const first = feed([item(), item({ id: 'proposal-1-stage-0-voting-close', kind: 'voting-close' })]);
    const later = feed([item({ title: 'renamed' }), item({ id: 'proposal-1-stage-0-voting-close', kind: 'voting-close' })], new Date('2026-03-02T00:00:00Z'));
    expect(later.events.map((e) => e.UID)).toEqual(first.events.map((e) => e.UID));
    expect(new Set(first.events.map((e) => e.UID)).size).toBe(2);
  });

  it('escapes commas, semicolons, backslashes and newlines in titles, and shows hidden characters', () => {
    const title = 'Budget; rent, heat \\ light\nsecond line\u202e';
    const raw = buildICalendar({ name: 'A', description: '', uidHost: 'h', url: 'https://h', stamp, items: [item({ title })] });
    expect(raw).toContain('SUMMARY:Budget\\; rent\\, heat \\\\ light\\nsecond line[U+202E]');
    // The newline did not start a property of its own.
    expect(raw.split('\r\n').some((l) => l.startsWith('second line'))).toBe(false);
    expect(parseICalendar(raw).events[0]!.SUMMARY).toBe('Budget; rent, heat \\ light\nsecond line[U+202E]');
  });

  it('cannot be made to inject a property through a title', () => {
    const cal = feed([item({ title: 'x\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil', description: 'y\nATTACH:http://evil' })]);
    expect(cal.events).toHaveLength(1);
    expect(cal.events[0]!.UID).toBe('proposal-1-comment-close@q.example');
    expect(cal.events[0]!.ATTACH).toBeUndefined();
  });

  it('writes a timed event in UTC and an all-day event as DATE values with an exclusive end', () => {
    const cal = feed([item(), item({ id: 'meeting-1', allDay: true, start: new Date('2026-04-10T23:30:00Z') })]);
    expect(cal.events[0]!.DTSTART).toBe('20260305T173000Z');
    expect(cal.events[1]!['DTSTART;VALUE=DATE']).toBe('20260410');
    expect(cal.events[1]!['DTEND;VALUE=DATE']).toBe('20260411');
  });

  it('marks a cancelled item STATUS:CANCELLED', () => {
    expect(feed([item({ cancelled: true })]).events[0]!.STATUS).toBe('CANCELLED');
  });
});

const proposal = (over: Partial<ProposalDates> = {}): ProposalDates => ({
  proposalId: 'p1',
  orgSlug: 'acme',
  orgName: 'Acme',
  number: 4,
  title: 'Buy a boat',
  status: 'published',
  consent: false,
  discussionClosesAt: new Date('2026-03-05T00:00:00Z'),
  updatedAt: stamp,
  stages: [
    { index: 0, bodyKey: 'board', bodyName: 'Board', closesAt: new Date('2026-03-10T00:00:00Z'), yourSeat: false },
    { index: 1, bodyKey: 'members', bodyName: 'Assembly', closesAt: null, yourSeat: false },
  ],
  ...over,
});
const options = { origin: 'https://q.example', since: new Date('2026-01-01T00:00:00Z') };

describe('proposalCalendarItems', () => {
  it('lists the comment close and each stage close already fixed, with stable ids and the proposal page', () => {
    const items = proposalCalendarItems([proposal()], options);
    expect(items.map((i) => i.id)).toEqual([commentCloseId('p1'), votingCloseId('p1', 0)]);
    expect(items.map((i) => i.id)).toEqual(['proposal-p1-comment-close', 'proposal-p1-stage-0-voting-close']);
    expect(items.every((i) => i.url === 'https://q.example/o/acme/proposals/4')).toBe(true);
    expect(items[1]!.title).toBe('#4 Buy a boat — Board voting closes');
  });

  it('marks a withdrawn proposal’s dates cancelled (kept, so calendars strike them rather than keep a stale copy)', () => {
    const items = proposalCalendarItems([proposal({ status: 'withdrawn' })], options);
    expect(items).toHaveLength(2);
    expect(items.every((i) => i.cancelled && i.title.startsWith('Withdrawn: '))).toBe(true);
    expect(feed(items).events.map((e) => e.STATUS)).toEqual(['CANCELLED', 'CANCELLED']);
  });

  it('keeps one body’s dates with a body filter', () => {
    expect(proposalCalendarItems([proposal()], { ...options, bodyKey: 'members' }).map((i) => i.kind)).toEqual(['comment-close']);
    expect(proposalCalendarItems([proposal()], { ...options, bodyKey: 'other' })).toEqual([]);
  });

  it('highlights a stage the person decides in, names the organization, and says "objections" for consent', () => {
    const mine = proposal({
      consent: true,
      stages: [{ index: 0, bodyKey: 'board', bodyName: 'Board', closesAt: new Date('2026-03-10T00:00:00Z'), yourSeat: true }],
    });
    const [, vote] = proposalCalendarItems([mine], { ...options, withOrgName: true });
    expect(vote!.title).toBe('★ Your vote: Acme: #4 Buy a boat — Board objection window closes');
  });

  it('drops dates before `since`, and groups stage rows by proposal', () => {
    const { stages, ...base } = proposal();
    const rows = stages.map((stage) => ({ ...base, stage }));
    const grouped = groupProposalDates(rows);
    expect(grouped).toHaveLength(1);
    expect(grouped[0]!.stages).toHaveLength(2);
    expect(proposalCalendarItems(grouped, { ...options, since: new Date('2026-03-06T00:00:00Z') }).map((i) => i.kind)).toEqual(['voting-close']);
  });
});
