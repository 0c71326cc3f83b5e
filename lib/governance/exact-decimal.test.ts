import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareSize, percentOf, signed, signOf, subtractDecimals, sumDecimals } from './exact-decimal';

describe('exact decimals', () => {
  it('add and subtract digit for digit, keeping the most places given', () => {
    expect(sumDecimals(['13.00000', '8.33324', '7.11108', '7.00000', '0.55554', '0.00014'])).toBe('36.00000');
    expect(sumDecimals(['1', '0.5', '-2'])).toBe('-0.5');
    expect(sumDecimals([])).toBe('0');
    expect(subtractDecimals('8.33324', '5.00000')).toBe('3.33324');
    expect(subtractDecimals('0', '7.00000')).toBe('-7.00000');
    expect(subtractDecimals('0.1', '0.3')).toBe('-0.2');
  });

  it('refuse what is not a decimal number', () => {
    for (const bad of ['', '1e3', '1.', '.5', 'NaN', '+1', '1,5']) expect(() => sumDecimals([bad])).toThrow(RangeError);
  });

  it('give signs, signed text and sizes', () => {
    expect([signOf('-0.00001'), signOf('0.00000'), signOf('-0'), signOf('3')]).toEqual([-1, 0, 0, 1]);
    expect([signed('1.50000'), signed('-2'), signed('0'), signed('-0.0')]).toEqual(['+1.50000', '−2', '0', '0.0']);
    expect([compareSize('-7', '6.99999'), compareSize('0.5', '-0.50'), compareSize('1', '2')]).toEqual([1, 0, -1]);
  });

  it('give whole percentages, rounded half up, and never 0 for a change that is not zero', () => {
    expect(percentOf('1', '8')).toBe(13); // 12.5
    expect(percentOf('-3.33324', '7.00000')).toBe(48);
    expect(percentOf('0.00001', '1000000')).toBe(1);
    expect(percentOf('0', '5')).toBe(0);
    expect(percentOf('5', '0')).toBe(0);
    expect(percentOf('-5', '5.000')).toBe(100);
  });

  /** Decimal strings from whole units and a number of places, and their exact value scaled to 9 places. */
  const decimal = fc.record({ units: fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), places: fc.integer({ min: 0, max: 9 }) }).map(({ units, places }) => {
    const digits = (units < 0n ? -units : units).toString().padStart(places + 1, '0');
    const text = `${units < 0n ? '-' : ''}${places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`}`;
    return { text, nano: units * 10n ** BigInt(9 - places) };
  });
  const nanoOf = (text: string) => {
    const [whole, fraction = ''] = text.split('.');
    const units = BigInt(`${whole!.replace('-', '')}${fraction.padEnd(9, '0')}`);
    return text.startsWith('-') ? -units : units;
  };

  it('sum and subtract exactly (checked against BigInt at nine places)', () => {
    fc.assert(
      fc.property(fc.array(decimal, { maxLength: 8 }), decimal, (terms, other) => {
        expect(nanoOf(sumDecimals(terms.map((t) => t.text)))).toBe(terms.reduce((a, t) => a + t.nano, 0n));
        const first = terms[0] ?? other;
        expect(nanoOf(subtractDecimals(first.text, other.text))).toBe(first.nano - other.nano);
      }),
    );
  });
});
