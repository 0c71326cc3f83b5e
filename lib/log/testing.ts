/** Shared helpers for the log library's unit tests (imported by *.test.ts only). */
import fc from 'fast-check';
import { expect } from 'vitest';

/** Property: `encode` writes any bytes (up to `maxLength`) as Node's Buffer does in `encoding`, and `decode` reads them back. */
export function expectCodecMatchesBuffer(
  encode: (bytes: Uint8Array) => string,
  decode: (text: string) => Uint8Array | null,
  encoding: BufferEncoding,
  maxLength: number,
): void {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength }), (bytes) => {
      const text = encode(bytes);
      expect(text).toBe(Buffer.from(bytes).toString(encoding));
      expect(decode(text)).toEqual(bytes);
    }),
  );
}
