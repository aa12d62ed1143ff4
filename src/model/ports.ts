/**
 * Port mappings in long form.
 *
 * The short syntax `[[HOST_IP:]PUBLISHED:]TARGET[/PROTOCOL]` is read the way compose-go reads it:
 * through docker/go-connections 0.4.0 `nat.ParsePortSpec`, then one mapping per container port,
 * sorted as compose-go sorts them (by the text "PORT/PROTO"). PUBLISHED and TARGET may be ranges
 * ("8000-8010"); an IPv6 host IP goes in brackets ("[::1]:80:80"). Error messages are Docker's,
 * word for word, so a user can search for them.
 */
import { ipVersion } from '../util/ip';
import { scalarText } from '../util/dict';

export interface PortMapping {
  target: number;
  published?: string;
  host_ip?: string;
  protocol: string;
  mode: string;
  name?: string;
  app_protocol?: string;
}

export class PortError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PortError';
  }
}

/** A range of port numbers, both ends included. */
export interface PortRange {
  start: number;
  end: number;
}

const PROTOCOLS = ['tcp', 'udp', 'sctp'];
const DEFAULT_MODE = 'ingress';

/** Parse one short-syntax entry (`"127.0.0.1:8080:80/udp"`, `"3000-3002"`, `80`). */
export function parsePortSpec(spec: string | number): PortMapping[] {
  const raw = String(spec);
  const { rawIp, hostPort, containerPart } = splitParts(raw);
  const { protocol, port: containerPort } = splitProtocol(containerPart);
  const hostIp = hostIpOf(rawIp);
  if (containerPort === '') throw new PortError(`No port specified: ${raw}<empty>`);

  const target = parsePortRange(containerPort);
  if (!target) throw new PortError(`Invalid containerPort: ${containerPort}`);
  let host: PortRange | undefined;
  if (hostPort !== '') {
    host = parsePortRange(hostPort);
    if (!host) throw new PortError(`Invalid hostPort: ${hostPort}`);
    // A host range with a single container port is allowed: Docker picks one port from it.
    if (host.end - host.start !== target.end - target.start && target.start !== target.end) {
      throw new PortError(`Invalid ranges specified for container and host Ports: ${containerPort} and ${hostPort}`);
    }
  }
  const proto = protocol.toLowerCase();
  if (!PROTOCOLS.includes(proto)) throw new PortError(`Invalid proto: ${protocol}`);

  const mappings: PortMapping[] = [];
  for (let i = 0; i <= target.end - target.start; i++) {
    let published = '';
    if (host) {
      published = host.start === host.end || target.start !== target.end ? String(host.start + i) : `${host.start}-${host.end}`;
    }
    mappings.push({ host_ip: hostIp, mode: DEFAULT_MODE, protocol: proto, published, target: target.start + i });
  }
  // compose-go sorts the container ports as text ("10/tcp" before "9/tcp"); keep its order.
  const key = (m: PortMapping): string => `${m.target}/${m.protocol}`;
  return mappings.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** One entry of `ports:` in either syntax -> long form, with compose-go's defaults (tcp, ingress). */
export function normalizePorts(entry: unknown): PortMapping[] {
  if (typeof entry === 'string' || typeof entry === 'number') return parsePortSpec(entry);
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
    throw new PortError(`invalid type ${kindOf(entry)} for port`);
  }
  return [longPort(entry as Record<string, unknown>)];
}

/** Every port number a published value covers: "8000-8002" -> [8000, 8001, 8002]; "" -> []. */
export function expandPortRange(published: string): number[] {
  if (published === '') return [];
  const range = parsePortRange(published);
  if (!range) throw new PortError(`Invalid hostPort: ${published}`);
  const ports: number[] = [];
  for (let p = range.start; p <= range.end; p++) ports.push(p);
  return ports;
}

function longPort(entry: Record<string, unknown>): PortMapping {
  const { target, published, host_ip: hostIp, protocol, mode, name, app_protocol: appProtocol } = entry;
  if (target === undefined || target === null) throw new PortError('No port specified: "target" is missing');
  const targetPort = typeof target === 'number' || typeof target === 'string' ? parsePortNumber(String(target)) : undefined;
  if (targetPort === undefined) throw new PortError(`Invalid containerPort: ${scalarText(target)}`);

  const mapping: PortMapping = {
    target: targetPort,
    protocol: typeof protocol === 'string' ? protocol : 'tcp',
    mode: typeof mode === 'string' ? mode : DEFAULT_MODE,
  };
  if (typeof published === 'number' || typeof published === 'string') {
    mapping.published = String(published);
    if (mapping.published !== '' && !parsePortRange(mapping.published)) throw new PortError(`Invalid hostPort: ${mapping.published}`);
  }
  if (typeof hostIp === 'string') {
    if (hostIp !== '' && !isGoIp(hostIp)) throw new PortError(`Invalid ip address: ${hostIp}`);
    mapping.host_ip = hostIp;
  }
  if (typeof name === 'string') mapping.name = name;
  if (typeof appProtocol === 'string') mapping.app_protocol = appProtocol;
  return mapping;
}

/** "ip:host:container" with an IP that may itself hold colons: the last two parts are the ports. */
function splitParts(raw: string): { rawIp: string; hostPort: string; containerPart: string } {
  const parts = raw.split(':');
  const n = parts.length;
  if (n === 1) return { rawIp: '', hostPort: '', containerPart: parts[0] };
  if (n === 2) return { rawIp: '', hostPort: parts[0], containerPart: parts[1] };
  return { rawIp: parts.slice(0, n - 2).join(':'), hostPort: parts[n - 2], containerPart: parts[n - 1] };
}

/** "80/udp" -> udp + 80; "80" and "80/" -> tcp + 80; "/udp" -> no port at all. */
function splitProtocol(part: string): { protocol: string; port: string } {
  const pieces = part.split('/');
  if (part === '' || pieces[0] === '') return { protocol: '', port: '' };
  if (pieces.length === 1 || pieces[1] === '') return { protocol: 'tcp', port: pieces[0] };
  return { protocol: pieces[1], port: pieces[0] };
}

/** Strip the brackets of an IPv6 address and check the address, as Go's net.SplitHostPort + ParseIP do. */
function hostIpOf(rawIp: string): string {
  const hostport = `${rawIp}:`;
  const reason = bracketProblem(hostport);
  if (reason) throw new PortError(`Invalid ip address ${rawIp}: address ${hostport}: ${reason}`);
  const ip = hostport.startsWith('[') ? hostport.slice(1, hostport.indexOf(']')) : rawIp;
  if (ip !== '' && !isGoIp(ip)) throw new PortError(`Invalid ip address: ${ip}`);
  return ip;
}

/** Why Go's net.SplitHostPort refuses `hostport` (which always ends in ":" here), or undefined. */
function bracketProblem(hostport: string): string | undefined {
  const lastColon = hostport.length - 1;
  let openFrom = 0;
  let closeFrom = 0;
  if (hostport.startsWith('[')) {
    const end = hostport.indexOf(']');
    if (end < 0) return "missing ']' in address";
    if (end + 1 !== lastColon) return hostport[end + 1] === ':' ? 'too many colons in address' : 'missing port in address';
    openFrom = 1;
    closeFrom = end + 1;
  } else if (hostport.slice(0, lastColon).includes(':')) {
    return 'too many colons in address';
  }
  if (hostport.indexOf('[', openFrom) >= 0) return "unexpected '[' in address";
  if (hostport.indexOf(']', closeFrom) >= 0) return "unexpected ']' in address";
  return undefined;
}

/** Go's net.ParseIP: IPv4 or IPv6 text, without an IPv6 zone. */
function isGoIp(ip: string): boolean {
  return !ip.includes('%') && ipVersion(ip) !== 0;
}

/** go-connections ParsePortRange: "80" or "80-90" (parts after a second "-" are ignored, as there); undefined when invalid or empty. */
export function parsePortRange(text: string): PortRange | undefined {
  if (!text.includes('-')) {
    const port = parsePortNumber(text);
    return port === undefined ? undefined : { start: port, end: port };
  }
  const [first, second] = text.split('-');
  const start = parsePortNumber(first);
  const end = parsePortNumber(second);
  if (start === undefined || end === undefined || end < start) return undefined;
  return { start, end };
}

/** strconv.ParseUint(text, 10, 16): decimal digits only, 0..65535. */
function parsePortNumber(text: string): number | undefined {
  if (!/^[0-9]+$/.test(text)) return undefined;
  const n = Number(text);
  return n <= 65535 ? n : undefined;
}

function kindOf(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'list';
  return typeof v;
}
