// Standard base64 (RFC 4648 §4, with padding), strict, dependency-free — for signed notes and
// checkpoints in the browser-safe verifier, where Buffer does not exist and atob is lenient
// (it skips whitespace and tolerates missing padding).

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUE = new Map<string, number>(Array.from(ALPHABET, (ch, i) => [ch, i]));

export function base64Encode(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i]!;
    const b1 = bytes[i + 1];
    const b2 = bytes[i + 2];
    const n = (b0 << 16) | ((b1 ?? 0) << 8) | (b2 ?? 0);
    out += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]!;
    out += b1 === undefined ? '=' : ALPHABET[(n >> 6) & 63]!;
    out += b2 === undefined ? '=' : ALPHABET[n & 63]!;
  }
  return out;
}

/**
 * Decodes padded standard base64, or returns null. Only the canonical encoding is accepted
 * (unused trailing bits must be zero), so each byte string has exactly one text form and a
 * signature line cannot be re-spelled.
 */
export function base64Decode(text: string): Uint8Array | null {
  if (text.length % 4 !== 0) return null;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - padding);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const last = i + 4 === text.length;
    let n = 0;
    for (let j = 0; j < 4; j++) {
      const ch = text[i + j]!;
      const v = VALUE.get(ch);
      if (v === undefined) {
        // '=' only as padding at the very end.
        if (!(ch === '=' && last && j >= 4 - padding)) return null;
        n <<= 6;
      } else {
        if (last && j >= 4 - padding) return null;
        n = (n << 6) | v;
      }
    }
    out[o++] = (n >> 16) & 255;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return base64Encode(out) === text ? out : null;
}
