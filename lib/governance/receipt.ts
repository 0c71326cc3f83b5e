/**
 * Receipt codes of secret ballots (docs/vote-methods.md, "Receipts"). A receipt is 100 random
 * bits written as 20 characters of Crockford's base32 alphabet (digits and upper-case letters
 * without I, L, O and U), in five groups of four joined by hyphens:
 *
 *     K7Q2-9MZD-3TXA-E8WB-PN4R
 *
 * That exact form — `RECEIPT_PATTERN` — is the only one stored, logged, published and mailed.
 * What a person types is read leniently by `parseReceipt` (any case, spaces or hyphens anywhere,
 * and O read as 0, I and L as 1, as Crockford's alphabet prescribes), then written in that form.
 * Pure: the random bytes come from the caller.
 */

/** Crockford's base32 alphabet: 32 symbols, no I, L, O or U. */
export const RECEIPT_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Symbols in a receipt (5 bits each: 100 bits). */
export const RECEIPT_SYMBOLS = 20;
/** Random bytes a receipt is made from (the first 100 of their 104 bits are used). */
export const RECEIPT_BYTES = 13;
/** The one written form of a receipt. */
export const RECEIPT_PATTERN = /^[0-9A-HJKMNP-TV-Z]{4}(?:-[0-9A-HJKMNP-TV-Z]{4}){4}$/;

/** Whether `value` is a receipt in its written form (as stored, logged and published). */
export function isReceipt(value: unknown): value is string {
  return typeof value === 'string' && RECEIPT_PATTERN.test(value);
}

/** The receipt written from `bytes` (at least 13 random bytes): the first 100 bits, 5 at a time. */
export function receiptFromBytes(bytes: Uint8Array): string {
  if (bytes.length < RECEIPT_BYTES) throw new Error(`a receipt needs ${RECEIPT_BYTES} random bytes`);
  let symbols = '';
  for (let i = 0; i < RECEIPT_SYMBOLS; i++) {
    let value = 0;
    for (let b = 0; b < 5; b++) {
      const bit = i * 5 + b;
      value = (value << 1) | ((bytes[bit >> 3]! >> (7 - (bit & 7))) & 1);
    }
    symbols += RECEIPT_ALPHABET[value];
  }
  return groups(symbols);
}

const groups = (symbols: string) => symbols.match(/.{4}/g)!.join('-');

/**
 * A receipt as a person typed it, in its written form; null when it cannot be one (a wrong
 * length, or a character outside the alphabet, such as U).
 */
export function parseReceipt(input: string): string | null {
  const symbols = input
    .toUpperCase()
    .replace(/[\s-]+/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (symbols.length !== RECEIPT_SYMBOLS || ![...symbols].every((c) => RECEIPT_ALPHABET.includes(c))) return null;
  return groups(symbols);
}
