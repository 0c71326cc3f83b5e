import { BlockList, isIP } from 'node:net';

/**
 * What kind of address a webhook would be sent to (SSRF, docs/webhooks.md): only `public` ones are
 * allowed unless the operator sets QUORATE_WEBHOOKS_ALLOW_PRIVATE=1. Pure: no DNS, no clock.
 */
export type AddressClass = 'public' | 'private' | 'loopback' | 'link-local' | 'unique-local' | 'multicast' | 'unspecified' | 'reserved' | 'invalid';

type Range = [string, number];

const v4: Record<Exclude<AddressClass, 'public' | 'invalid' | 'unique-local'>, Range[]> = {
  unspecified: [['0.0.0.0', 8]],
  loopback: [['127.0.0.0', 8]],
  // RFC 1918, and the carrier-grade NAT range (RFC 6598): not the public internet either.
  private: [
    ['10.0.0.0', 8],
    ['172.16.0.0', 12],
    ['192.168.0.0', 16],
    ['100.64.0.0', 10],
  ],
  'link-local': [['169.254.0.0', 16]],
  multicast: [['224.0.0.0', 4]],
  // IETF assignments, documentation, benchmarking, the old class E and the broadcast address.
  reserved: [
    ['192.0.0.0', 24],
    ['192.0.2.0', 24],
    ['198.18.0.0', 15],
    ['198.51.100.0', 24],
    ['203.0.113.0', 24],
    ['240.0.0.0', 4],
  ],
};

const v6: Partial<Record<AddressClass, Range[]>> = {
  unspecified: [['::', 128]],
  loopback: [['::1', 128]],
  'unique-local': [['fc00::', 7]],
  // fe80::/10 link-local, and the deprecated site-local fec0::/10.
  'link-local': [
    ['fe80::', 10],
    ['fec0::', 10],
  ],
  multicast: [['ff00::', 8]],
  // Local-use IPv4/IPv6 translation (RFC 8215): the network's own NAT64, which may lead to any of its IPv4 addresses.
  private: [['64:ff9b:1::', 48]],
  // Discard-only, documentation, ORCHID and the other IETF assignments.
  reserved: [
    ['100::', 64],
    ['2001:db8::', 32],
    ['2001::', 23],
  ],
};

function listOf(ranges: Range[], family: 'ipv4' | 'ipv6'): BlockList {
  const list = new BlockList();
  for (const [net, prefix] of ranges) list.addSubnet(net, prefix, family);
  return list;
}

const v4Lists = Object.entries(v4).map(([cls, ranges]) => [cls as AddressClass, listOf(ranges, 'ipv4')] as const);
const v6Lists = Object.entries(v6).map(([cls, ranges]) => [cls as AddressClass, listOf(ranges!, 'ipv6')] as const);

/** The eight 16-bit groups of an IPv6 address (with a trailing dotted quad allowed), or null. */
export function ipv6Groups(address: string): number[] | null {
  if (isIP(address) !== 6) return null;
  let text = address.toLowerCase();
  const zone = text.indexOf('%');
  if (zone >= 0) text = text.slice(0, zone);
  const quad = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (quad) {
    const b = quad[1]!.split('.').map(Number);
    text = `${text.slice(0, quad.index)}${((b[0]! << 8) | b[1]!).toString(16)}:${((b[2]! << 8) | b[3]!).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, null];
  const parts = (s: string | undefined) => (s ? s.split(':').map((g) => parseInt(g, 16)) : []);
  const left = parts(head);
  const right = tail === null ? [] : parts(tail);
  const fill = tail === null ? 0 : 8 - left.length - right.length;
  const groups = [...left, ...Array<number>(fill).fill(0), ...right];
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : null;
}

const quadOf = (hi: number, lo: number) => `${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`;

/**
 * The IPv4 address an IPv6 one carries and that a host may end up reaching: IPv4-mapped
 * (::ffff:a.b.c.d), IPv4-translated (::ffff:0:a.b.c.d), IPv4-compatible (::a.b.c.d, deprecated), NAT64 (64:ff9b::/96)
 * and 6to4 (2002::/16).
 */
export function embeddedIpv4(groups: number[]): string | null {
  const zero = (from: number, to: number) => groups.slice(from, to).every((g) => g === 0);
  if (zero(0, 5) && groups[5] === 0xffff) return quadOf(groups[6]!, groups[7]!);
  // IPv4-translated (SIIT, ::ffff:0:a.b.c.d, RFC 2765).
  if (zero(0, 4) && groups[4] === 0xffff && groups[5] === 0) return quadOf(groups[6]!, groups[7]!);
  if (zero(0, 6) && (groups[6] !== 0 || groups[7]! > 1)) return quadOf(groups[6]!, groups[7]!);
  if (groups[0] === 0x64 && groups[1] === 0xff9b && zero(2, 6)) return quadOf(groups[6]!, groups[7]!);
  if (groups[0] === 0x2002) return quadOf(groups[1]!, groups[2]!);
  return null;
}

/** The class of one IP address (IPv4 or IPv6, IPv4-mapped and other embeddings judged by their IPv4). */
export function classifyAddress(address: string): AddressClass {
  const family = isIP(address);
  if (family === 4) {
    for (const [cls, list] of v4Lists) if (list.check(address, 'ipv4')) return cls;
    return 'public';
  }
  if (family !== 6) return 'invalid';
  const groups = ipv6Groups(address);
  if (!groups) return 'invalid';
  const embedded = embeddedIpv4(groups);
  if (embedded) return classifyAddress(embedded);
  const canonical = groups.map((g) => g.toString(16)).join(':');
  for (const [cls, list] of v6Lists) if (list.check(canonical, 'ipv6')) return cls;
  return 'public';
}

/** Whether a webhook may be sent to this address: public ones always, the others only when the operator allows private destinations. */
export function isAllowedDestination(address: string, allowPrivate: boolean): boolean {
  const cls = classifyAddress(address);
  if (cls === 'public') return true;
  return allowPrivate && cls !== 'invalid';
}
