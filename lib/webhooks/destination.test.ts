import { describe, expect, it } from 'vitest';
import { checkDestination, parseWebhookUrl } from './destination';

const resolving =
  (...addresses: string[]) =>
  async () =>
    addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

describe('webhook destinations', () => {
  it('takes only http(s) URLs with a host and no credentials', () => {
    expect(parseWebhookUrl('https://hooks.example.org/x')?.hostname).toBe('hooks.example.org');
    for (const bad of ['ftp://example.org/', 'file:///etc/passwd', 'javascript:alert(1)', 'https://user:pw@example.org/', 'not a url', 'gopher://x'])
      expect(parseWebhookUrl(bad)).toBeNull();
  });

  it('refuses a name when ANY of its addresses is internal, and says which', async () => {
    expect(await checkDestination('https://mixed.example/', false, resolving('93.184.216.34', '10.0.0.5'))).toEqual({
      ok: false,
      code: 'webhook.url_private',
      host: 'mixed.example',
      address: '10.0.0.5, private',
    });
    expect((await checkDestination('https://ok.example/', false, resolving('93.184.216.34', '2606:4700::1'))).ok).toBe(true);
    expect((await checkDestination('https://mixed.example/', true, resolving('93.184.216.34', '10.0.0.5'))).ok).toBe(true);
  });

  it('judges IP literals, however they are written, without resolving them', async () => {
    const never = async () => {
      throw new Error('no lookup for a literal');
    };
    for (const url of ['http://127.1/', 'http://0x7f.0.0.1/', 'http://2130706433/', 'http://[::ffff:127.0.0.1]/', 'http://[fd00::1]/', 'http://0.0.0.0/'])
      expect((await checkDestination(url, false, never)).ok, url).toBe(false);
    expect((await checkDestination('http://93.184.216.34/', false, never)).ok).toBe(true);
  });

  it('a name that does not resolve is refused as such', async () => {
    const failing = async () => {
      throw Object.assign(new Error('ENOTFOUND'), { code: 'ENOTFOUND' });
    };
    expect(await checkDestination('https://nowhere.invalid/', false, failing)).toEqual({
      ok: false,
      code: 'webhook.url_unresolvable',
      host: 'nowhere.invalid',
    });
    expect(await checkDestination('https://empty.example/', false, resolving())).toEqual({
      ok: false,
      code: 'webhook.url_unresolvable',
      host: 'empty.example',
    });
  });
});
