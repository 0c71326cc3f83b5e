// Text from the decision log goes into spreadsheets, feed readers and pages we do not control.
// Characters that are invisible there, or that reorder what is shown around them, could make
// an entry read differently from what it says; they are replaced by a visible `[U+XXXX]` marker.

/**
 * C0 controls other than tab, LF and CR; DEL and the C1 controls; the Unicode bidi marks,
 * embeddings, overrides and isolates ("Trojan Source", CVE-2021-42574); line and paragraph
 * separators; the byte-order mark and the noncharacters U+FFFE/U+FFFF; and lone surrogates,
 * which are not text at all.
 */
const HIDDEN =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function marker(c: string): string {
  return `[U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}]`;
}

/** `s` with every hidden or direction-changing character shown as `[U+XXXX]`. */
export function revealHidden(s: string): string {
  return s.replace(HIDDEN, marker);
}
