import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyAddress, embeddedIpv4, ipv6Groups, isAllowedDestination } from './address';

describe('webhook destination addresses', () => {
  it.each([
    ['8.8.8.8', 'public'],
    ['93.184.216.34', 'public'],
    ['0.0.0.0', 'unspecified'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['172.32.0.1', 'public'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['192.0.2.5', 'reserved'],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['fe80::1', 'link-local'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456:789a::1', 'unique-local'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'reserved'],
    ['2606:4700:4700::1111', 'public'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['::ffff:8.8.8.8', 'public'],
    ['64:ff9b::7f00:1', 'loopback'],
    ['::ffff:0:7f00:1', 'loopback'],
    ['::ffff:0:10.1.2.3', 'private'],
    ['::ffff:0:808:808', 'public'],
    ['64:ff9b:1::a01:203', 'private'],
    ['64:ff9b:1:ffff::1', 'private'],
    ['2002:7f00:1::1', 'loopback'],
    ['::127.0.0.1', 'loopback'],
    ['fe80::1%eth0', 'link-local'],
    ['not-an-ip', 'invalid'],
    ['localhost', 'invalid'],
  ])('%s is %s', (address, cls) => {
    expect(classifyAddress(address)).toBe(cls);
  });

  it('only public addresses are allowed unless the operator allows private ones', () => {
    expect(isAllowedDestination('8.8.8.8', false)).toBe(true);
    expect(isAllowedDestination('127.0.0.1', false)).toBe(false);
    expect(isAllowedDestination('::ffff:192.168.0.1', false)).toBe(false);
    expect(isAllowedDestination('127.0.0.1', true)).toBe(true);
    expect(isAllowedDestination('nonsense', true)).toBe(false);
  });

  it('expands IPv6 text into its eight groups', () => {
    expect(ipv6Groups('::1')).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
    expect(ipv6Groups('::ffff:1.2.3.4')).toEqual([0, 0, 0, 0, 0, 0xffff, 0x102, 0x304]);
    expect(ipv6Groups('1.2.3.4')).toBeNull();
    expect(embeddedIpv4(ipv6Groups('2606:4700::1')!)).toBeNull();
  });

  const octet = fc.integer({ min: 0, max: 255 });
  const ipv4 = fc.tuple(octet, octet, octet, octet).map((o) => o.join('.'));

  it('an IPv4-mapped IPv6 address has the class of the IPv4 address it carries, in either spelling', () => {
    fc.assert(
      fc.property(ipv4, (a) => {
        const b = a.split('.').map(Number);
        const hex = `::ffff:${((b[0]! << 8) | b[1]!).toString(16)}:${((b[2]! << 8) | b[3]!).toString(16)}`;
        expect(classifyAddress(`::ffff:${a}`)).toBe(classifyAddress(a));
        expect(classifyAddress(hex)).toBe(classifyAddress(a));
      }),
    );
  });

  it('every 10/8, 127/8 and 192.168/16 address is refused without the operator switch', () => {
    fc.assert(
      fc.property(octet, octet, octet, fc.constantFrom(10, 127), (x, y, z, first) => {
        expect(isAllowedDestination(`${first}.${x}.${y}.${z}`, false)).toBe(false);
        expect(isAllowedDestination(`192.168.${y}.${z}`, false)).toBe(false);
      }),
    );
  });
});
