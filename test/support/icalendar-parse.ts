/**
 * A small iCalendar reader for tests: refuses a text whose lines do not all end with CRLF, the last one too, unfolds lines (RFC 5545 §3.1), splits each content line at
 * the first colon outside a quoted parameter, and unescapes TEXT values. Properties are keyed by
 * their name with parameters (`DTSTART;VALUE=DATE`); a repeated property keeps its last value.
 */
export type ParsedCalendar = { props: Record<string, string>; events: Record<string, string>[] };

function unescapeText(v: string): string {
  return v.replace(/\\([\\;,nN])/g, (_m, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

function splitLine(line: string): [string, string] {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (c === ':' && !quoted) return [line.slice(0, i), line.slice(i + 1)];
  }
  throw new Error(`Not a content line: ${line}`);
}

export function parseICalendar(text: string): ParsedCalendar {
  if (!text.startsWith('BEGIN:VCALENDAR\r\n') || !text.endsWith('\r\nEND:VCALENDAR\r\n')) throw new Error('Not a VCALENDAR ending with CRLF');
  // RFC 5545 §3.1: every content line ends with CRLF, the last one too; no bare CR or LF anywhere.
  if (/\r(?!\n)|(?<!\r)\n/.test(text)) throw new Error('A line break that is not CRLF');
  const lines = text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter((l) => l !== '');
  const out: ParsedCalendar = { props: {}, events: [] };
  let event: Record<string, string> | null = null;
  let depth = 0;
  for (const line of lines) {
    const [name, value] = splitLine(line);
    if (name === 'BEGIN') {
      depth++;
      if (value === 'VEVENT') event = {};
      continue;
    }
    if (name === 'END') {
      depth--;
      if (value === 'VEVENT' && event) {
        out.events.push(event);
        event = null;
      }
      continue;
    }
    const target = event ?? (depth === 1 ? out.props : null);
    if (target) target[name] = unescapeText(value);
  }
  return out;
}
