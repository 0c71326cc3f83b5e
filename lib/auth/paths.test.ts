import { describe, expect, it } from 'vitest';
import { returnPathFromUrl, safeReturnPath } from './paths';

describe('safeReturnPath', () => {
  it('keeps same-site paths', () => {
    expect(safeReturnPath('/o/riverbend/members?tab=1')).toBe('/o/riverbend/members?tab=1');
  });
  it.each(['//evil.example/x', '/\\evil.example', 'https://evil.example', 'javascript:alert(1)', '', null, undefined])('sends %j home', (v) => {
    expect(safeReturnPath(v)).toBe('/');
  });
});

describe('returnPathFromUrl', () => {
  it('reduces a same-origin absolute URL to its path', () => {
    expect(returnPathFromUrl('http://localhost:3000/orgs/new?x=1', 'http://localhost:3000')).toBe('/orgs/new?x=1');
  });
  it('refuses another origin', () => {
    expect(returnPathFromUrl('https://evil.example/orgs/new', 'http://localhost:3000')).toBe('/');
    expect(returnPathFromUrl('not a url', 'http://localhost:3000')).toBe('/');
  });
});
