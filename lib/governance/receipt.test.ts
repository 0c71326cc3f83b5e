import { describe, expect, it } from 'vitest';
import { RECEIPT_ALPHABET, RECEIPT_BYTES, isReceipt, parseReceipt, receiptFromBytes } from './receipt';

const bytes = (fill: (i: number) => number) => Uint8Array.from({ length: RECEIPT_BYTES }, (_, i) => fill(i));

describe('receipt codes', () => {
  it('writes 100 bits as five groups of four Crockford base32 symbols', () => {
    expect(receiptFromBytes(bytes(() => 0))).toBe('0000-0000-0000-0000-0000');
    expect(receiptFromBytes(bytes(() => 0xff))).toBe('ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ');
    // 0b00001 00010 00011 …: the bits are read most significant first.
    expect(receiptFromBytes(Uint8Array.from([0x08, 0x86, 0x42, 0x98, 0xe8, 0, 0, 0, 0, 0, 0, 0, 0]))).toBe('1234-5678-0000-0000-0000');
    expect(() => receiptFromBytes(new Uint8Array(12))).toThrow();
  });

  it('has 32 symbols, none of I, L, O, U', () => {
    expect(new Set(RECEIPT_ALPHABET).size).toBe(32);
    expect(RECEIPT_ALPHABET).not.toMatch(/[ILOU]/);
  });

  it('accepts only the written form as a receipt', () => {
    const r = receiptFromBytes(bytes((i) => i * 37 + 11));
    expect(isReceipt(r)).toBe(true);
    for (const bad of [r.toLowerCase(), r.replace(/-/g, ''), `${r}-0000`, r.slice(0, -1), r.replace(/.$/, 'U'), ` ${r}`, 42, null]) {
      expect(isReceipt(bad)).toBe(false);
    }
  });

  it('reads what a person types leniently, and refuses what cannot be a receipt', () => {
    expect(parseReceipt('k7q2 9mzd 3txa e8wb pn4r')).toBe('K7Q2-9MZD-3TXA-E8WB-PN4R');
    expect(parseReceipt(' K7Q2-9MZD-3TXA-E8WB-PN4R\n')).toBe('K7Q2-9MZD-3TXA-E8WB-PN4R');
    expect(parseReceipt('K7Q29MZD3TXAE8WBPN4R')).toBe('K7Q2-9MZD-3TXA-E8WB-PN4R');
    expect(parseReceipt('oooo-iiii-llll-0000-1111')).toBe('0000-1111-1111-0000-1111');
    expect(parseReceipt('K7Q2-9MZD-3TXA-E8WB-PN4')).toBeNull();
    expect(parseReceipt('K7Q2-9MZD-3TXA-E8WB-PN4RX')).toBeNull();
    expect(parseReceipt('U7Q2-9MZD-3TXA-E8WB-PN4R')).toBeNull();
    expect(parseReceipt('K7Q2_9MZD_3TXA_E8WB_PN4R')).toBeNull();
    expect(parseReceipt('')).toBeNull();
  });

  it('gives distinct receipts for distinct random bytes', () => {
    const seen = new Set<string>();
    for (let n = 0; n < 500; n++) seen.add(receiptFromBytes(bytes((i) => (n * 131 + i * 17 + (n >> (i % 8))) & 0xff)));
    expect(seen.size).toBeGreaterThan(490);
  });
});
