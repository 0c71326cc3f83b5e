import { describe, expect, it } from 'vitest';
import { englishMessagePattern, matchEnglish } from './english-match';

describe('a message recognised by its English', () => {
  it('captures each placeholder by name, across lines', () => {
    const { names, pattern } = englishMessagePattern('Use at most {max} characters for {field}.');
    expect(names).toEqual(['max', 'field']);
    expect(pattern.exec('Use at most 40 characters for the\nname.')?.slice(1)).toEqual(['40', 'the\nname']);
  });

  it('takes the rest literally and the whole text only', () => {
    const { pattern } = englishMessagePattern('Pay $5 (or more) [now]?');
    expect(pattern.test('Pay $5 (or more) [now]?')).toBe(true);
    expect(pattern.test('Pay $55 (or more) [now]?')).toBe(false);
    expect(pattern.test('Pay $5 (or more) [now]? ')).toBe(false);
    expect(pattern.test('So: Pay $5 (or more) [now]?')).toBe(false);
  });

  it('gives the first matching key with its parameters, else null', () => {
    const patterns = [
      { key: 'exact', ...englishMessagePattern('Choose a role.') },
      { key: 'max', ...englishMessagePattern('At most {max}.') },
      { key: 'any', ...englishMessagePattern('{text}') },
    ];
    expect(matchEnglish(patterns, 'Choose a role.')).toEqual({ key: 'exact', params: {} });
    expect(matchEnglish(patterns, 'At most 3.')).toEqual({ key: 'max', params: { max: '3' } });
    expect(matchEnglish(patterns, 'Something else')).toEqual({ key: 'any', params: { text: 'Something else' } });
    expect(matchEnglish(patterns.slice(0, 2), 'Something else')).toBeNull();
  });
});
