import { describe, expect, it } from 'vitest';
import type { Locale } from '@/lib/i18n/locales';
import { parseICalendar } from '@/test/support/icalendar-parse';
import { meetingInvite } from './meeting-invite';
import type { MeetingNotice } from './payload';

/** The calendar invitation a meeting notice carries, in the recipient's language, valid iCalendar (RFC 5545) in each. */
const meeting: MeetingNotice = {
  id: 'm1',
  number: 3,
  change: 'scheduled',
  meetingKind: 'special',
  bodyName: 'Board; finance, audit',
  title: 'Budget review, part 2',
  startsAt: '2026-03-12T18:00:00.000Z',
  endsAt: '2026-03-12T20:00:00.000Z',
  location: 'Community hall',
  agenda: ['Accounts', 'Proposal #4: Roof; gutters'],
  noticeHours: 100,
  requiredNoticeHours: 48,
  sequence: 1,
};
const url = 'https://quorate.test/o/garden/meetings/3';

const invite = (locale: Locale | undefined, m: MeetingNotice = meeting) =>
  meetingInvite({
    meeting: m,
    organizationName: 'Garden Group',
    host: 'quorate.test',
    url,
    recipient: { email: 'ana@example.org', name: 'Ana' },
    stamp: new Date('2026-03-01T10:00:00Z'),
    ...(locale ? { locale } : {}),
  }).content;

/** RFC 5545 §3.1: CRLF lines, none longer than 75 octets, every continuation starting with a space. */
function expectValidLines(ics: string) {
  expect(ics.endsWith('\r\n')).toBe(true);
  expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);
}
const event = (ics: string) => parseICalendar(ics).events[0]!;

describe('the calendar invitation', () => {
  it('in English: word for word what it said before it was translated', () => {
    const en = invite('en');
    expect(invite(undefined)).toBe(en);
    expectValidLines(en);
    expect(event(en)).toMatchObject({
      SUMMARY: 'Garden Group: Budget review, part 2 (Board; finance, audit)',
      DESCRIPTION: `Special meeting #3 of the Board; finance, audit.\n1. Accounts\n2. Proposal #4: Roof; gutters\n${url}`,
      LOCATION: 'Community hall',
      SEQUENCE: '1',
    });
    expect(event(invite('en', { ...meeting, meetingKind: 'regular' })).DESCRIPTION).toMatch(/^Regular meeting #3 of the Board; finance, audit\.\n/);
    // TEXT values escaped (RFC 5545 §3.3.11): semicolons and commas, line breaks as \n.
    const unfolded = en.replace(/\r\n /g, '');
    expect(unfolded).toContain('SUMMARY:Garden Group: Budget review\\, part 2 (Board\\; finance\\, audit)\r\n');
    expect(unfolded).toContain('DESCRIPTION:Special meeting #3 of the Board\\; finance\\, audit.\\n1. Accounts\\n2. Proposal #4: Roof\\; gutters\\n');
  });

  it('in French and German: the summary and the description in the language, the same event otherwise', () => {
    const fr = invite('fr');
    expectValidLines(fr);
    expect(event(fr)).toMatchObject({
      SUMMARY: 'Garden Group : Budget review, part 2 (Board; finance, audit)',
      DESCRIPTION: `Réunion extraordinaire nº 3 de l’organe « Board; finance, audit ».\n1. Accounts\n2. Proposition n° 4 : Roof; gutters\n${url}`,
    });
    const de = invite('de', { ...meeting, meetingKind: 'regular' });
    expectValidLines(de);
    expect(event(de)).toMatchObject({
      SUMMARY: 'Garden Group: Budget review, part 2 („Board; finance, audit“)',
      DESCRIPTION: `Ordentliche Sitzung Nr. 3 des Gremiums „Board; finance, audit“.\n1. Accounts\n2. Antrag Nr. 4: Roof; gutters\n${url}`,
    });
    // Only the words differ: the same UID, sequence, times, place, organizer and attendee.
    const same = (ics: string) => {
      const rest = { ...event(ics) };
      delete rest.SUMMARY;
      delete rest.DESCRIPTION;
      return rest;
    };
    expect(same(fr)).toEqual(same(invite('en')));
    expect(same(de)).toEqual(same(invite('en', { ...meeting, meetingKind: 'regular' })));
    for (const ics of [fr, de]) expect(event(ics).DESCRIPTION!.split('\n')[0]).not.toMatch(/meeting|Special|Regular| of the /);
  });

  it('folds long lines of accented words between characters, never inside one', () => {
    const long = {
      ...meeting,
      title: 'Révision générale des états financiers 🎉 et des priorités pour l’été '.repeat(3),
      bodyName: 'Conseil d’administration',
    };
    for (const locale of ['fr', 'de'] as const) {
      const ics = invite(locale, long);
      expectValidLines(ics);
      expect(ics.split('\r\n').some((l) => l.startsWith(' '))).toBe(true);
      expect(event(ics).SUMMARY).toContain(long.title);
      expect(event(ics).DESCRIPTION).toContain('Conseil d’administration');
      // No line ends or starts inside a character (a split surrogate pair would not survive UTF-8).
      for (const line of ics.split('\r\n')) expect(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(line, 'utf8'))).toBe(line);
    }
  });

  it('a cancellation in French: METHOD:CANCEL, STATUS:CANCELLED, its words in French', () => {
    const ics = invite('fr', { ...meeting, change: 'cancelled', cancelReason: 'No quorum' });
    expectValidLines(ics);
    expect(parseICalendar(ics).props.METHOD).toBe('CANCEL');
    expect(event(ics)).toMatchObject({ STATUS: 'CANCELLED', SUMMARY: 'Garden Group : Budget review, part 2 (Board; finance, audit)' });
    expect(event(ics).DESCRIPTION).toMatch(/^Réunion extraordinaire nº 3/);
  });
});
