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
