// CSV for the decision-log export (RFC 4180): comma-separated, CRLF line ends, a field quoted
// when it holds a quote, comma, CR or LF, with quotes doubled inside.
//
// Log payloads hold text anyone with an account can write (titles, reasons), so every string
// cell is also defused for spreadsheets (OWASP "CSV injection"): a cell that a spreadsheet would
// read as a formula — starting with = + - @, a tab or a line break — gets a leading apostrophe,
// and hidden or direction-changing characters are made visible.

import { revealHidden } from './visible-text';

export type CsvCell = string | number | boolean | null | undefined;

// Also the full-width forms, which some spreadsheet locales read as their ASCII counterparts.
const FORMULA_START = /^[\s\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r\n]/;

/** One cell, neutralized and quoted as needed. Numbers and booleans are ours and written as-is. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  let s = revealHidden(value);
  if (FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** One record, terminated by CRLF. */
export function csvRow(cells: readonly CsvCell[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

const logCsvColumns = ['seq', 'at', 'kind', 'summary', 'subject', 'actor_id', 'payload', 'prev_hash', 'hash'] as const;

export type LogCsvEntry = {
  seq: number;
  at: Date;
  kind: string;
  summary: string;
  subject: string | null;
  actorId: string | null;
  /** The payload as canonical JSON text. */
  payload: string;
  prevHash: string;
  hash: string;
};

export function logCsvHeader(): string {
  return csvRow(logCsvColumns);
}

export function logCsvLine(e: LogCsvEntry): string {
  return csvRow([e.seq, e.at.toISOString(), e.kind, e.summary, e.subject, e.actorId, e.payload, e.prevHash, e.hash]);
}

/** A whole export in one string (the route streams the same lines in batches). */
export function buildLogCsv(entries: readonly LogCsvEntry[]): string {
  return logCsvHeader() + entries.map(logCsvLine).join('');
}
