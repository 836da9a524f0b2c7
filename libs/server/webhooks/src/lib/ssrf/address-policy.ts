import { BlockList, isIP } from 'node:net';

/**
 * Where a webhook may not point (SSRF): loopback, private (RFC 1918, CGNAT), link-local, unique-local,
 * multicast, unspecified, documentation/benchmark and reserved ranges — everything that is not the
 * public internet. IPv4-mapped and NAT64 IPv6 addresses are judged by the IPv4 address they carry.
 */
const BLOCKED = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network", unspecified
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local (cloud metadata 169.254.169.254)
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay anycast
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  BLOCKED.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique-local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
] as const) {
  BLOCKED.addSubnet(network, prefix, 'ipv6');
}

/** Why an address is refused, or null when it is a public address. */
export function blockedAddressReason(address: string): string | null {
  const family = isIP(address);
  if (family === 0) return `${address} is not an IP address`;
  if (family === 4) return BLOCKED.check(address, 'ipv4') ? `${address} is a loopback, private, link-local, multicast or reserved address` : null;
  const embedded = embeddedIpv4(address);
  if (embedded) return blockedAddressReason(embedded) === null ? null : `${address} carries the non-public IPv4 address ${embedded}`;
  return BLOCKED.check(address, 'ipv6') ? `${address} is a loopback, unique-local, link-local, multicast or reserved address` : null;
}

/** Host names that always mean this machine or the local network, whatever DNS says. */
export function blockedHostNameReason(hostName: string): string | null {
  const host = hostName.toLowerCase().replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return `${hostName} is this machine`;
  if (host.endsWith('.local') || host.endsWith('.internal') || host.endsWith('.home.arpa')) return `${hostName} is a local-network name`;
  if (!host.includes('.')) return `${hostName} is not a public host name (no domain)`;
  return null;
}

/** The IPv4 address inside an IPv4-mapped (`::ffff:a.b.c.d`), IPv4-compatible or NAT64 (`64:ff9b::/96`) IPv6 address. */
function embeddedIpv4(address: string): string | null {
  const words = ipv6Words(address);
  if (!words) return null;
  const low = (words[6] << 16) | words[7];
  const v4 = `${(low >>> 24) & 255}.${(low >>> 16) & 255}.${(low >>> 8) & 255}.${low & 255}`;
  const zeroTo = (n: number) => words.slice(0, n).every((w) => w === 0);
  if (zeroTo(5) && words[5] === 0xffff) return v4; // ::ffff:a.b.c.d
  if (words[0] === 0x64 && words[1] === 0xff9b && words.slice(2, 6).every((w) => w === 0)) return v4; // NAT64
  if (zeroTo(6) && low > 1) return v4; // ::a.b.c.d (deprecated IPv4-compatible)
  return null;
}

/** The eight 16-bit words of an IPv6 address (a trailing dotted IPv4 part allowed), or null. */
function ipv6Words(address: string): number[] | null {
  let text = address.split('%')[0].toLowerCase();
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const parts = dotted[1].split('.').map(Number);
    text = text.slice(0, -dotted[1].length) + `${((parts[0] << 8) | parts[1]).toString(16)}:${((parts[2] << 8) | parts[3]).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, null];
  const headWords = head ? head.split(':') : [];
  const tailWords = tail ? tail.split(':') : [];
  const missing = 8 - headWords.length - tailWords.length;
  if (tail === null ? missing !== 0 : missing < 0) return null;
  const words = [...headWords, ...Array<string>(tail === null ? 0 : missing).fill('0'), ...tailWords].map((w) => parseInt(w, 16));
  return words.length === 8 && words.every((w) => Number.isInteger(w) && w >= 0 && w <= 0xffff) ? words : null;
}
