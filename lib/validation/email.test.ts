import { describe, expect, it } from 'vitest';
import { normalizeEmail, parseEmail } from './email';

describe('normalizeEmail', () => {
  it('trims, lowercases and applies NFKC', () => {
    expect(normalizeEmail('  Ada@Example.ORG\t')).toBe('ada@example.org');
    expect(normalizeEmail('ada\uFF20example.org')).toBe('ada@example.org');
  });
});

describe('parseEmail', () => {
  it('returns the normalized address', () => {
    expect(parseEmail(' Grace@Example.org ')).toBe('grace@example.org');
  });

  it('throws on anything but one valid address', () => {
    expect(() => parseEmail('a@b.org, c@d.org')).toThrow(/valid e-mail/);
    expect(() => parseEmail(undefined)).toThrow(/Enter an e-mail/);
    expect(() => parseEmail(`${'a'.repeat(250)}@b.org`)).toThrow(/254/);
  });
});
