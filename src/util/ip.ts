/**
 * IP address text, as Node's `net.isIP` reads it, without its start-up cost: Node compiles its IPv6
 * pattern at the first call that is not IPv4 text (30-40 ms, measured on Node 20, issue 13), and
 * every port mapping without a host IP (`"8080:80"`) asked that question. IPv6 text always has a
 * colon, so only such text goes to Node's check.
 */
/** Node's IPv4 pattern (lib/internal/net.js): four decimal parts 0-255 without leading zeros. */
const IPV4 = /^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])$/;

/** 4 for IPv4 text, 6 for IPv6 text (a zone, `fe80::1%eth0`, included), 0 for anything else: `net.isIP`. */
export function ipVersion(text: string): 0 | 4 | 6 {
  if (IPV4.test(text)) return 4;
  if (!text.includes(':')) return 0;
  return (require('net') as typeof import('net')).isIPv6(text) ? 6 : 0;
}

/**
 * The address `text` as a number: 32 bits for IPv4, 128 for IPv6 (`::` expanded, an IPv4 tail as
 * in `::ffff:10.0.0.1` read as its two groups, a zone such as `%eth0` ignored). `text` must be
 * valid for `version` (see ipVersion); other text gives a meaningless number.
 */
export function addressValue(text: string, version: 4 | 6): bigint {
  if (version === 4) return text.split('.').reduce((n, part) => (n << 8n) | BigInt(Number(part)), 0n);
  let t = text.split('%')[0];
  const last = t.lastIndexOf(':');
  if (t.slice(last + 1).includes('.')) {
    const v4 = addressValue(t.slice(last + 1), 4);
    t = `${t.slice(0, last + 1)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const [head, tail] = t.split('::');
  const before = head ? head.split(':') : [];
  const after = tail === undefined ? [] : tail ? tail.split(':') : [];
  const groups = tail === undefined ? before : [...before, ...new Array<string>(8 - before.length - after.length).fill('0'), ...after];
  return groups.reduce((n, g) => (n << 16n) | BigInt(parseInt(g, 16)), 0n);
}
