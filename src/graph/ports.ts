/**
 * A service's ports: what it publishes on the host (`ports` with a host side, or an ephemeral
 * one) and what it listens on inside its namespace. Entries that do not parse (a schema or
 * interpolation problem reported elsewhere) are skipped, not guessed.
 *
 * Listening ports come from, in order of trust:
 *   - what the file declares: `ports` targets and `expose`;
 *   - port settings the service states itself: `PORT` and `*_HTTP_PORT`-style variables of its
 *     environment, `--port N`, `-p N`, `--web.listen-address=:N`-style flags of command/entrypoint;
 *   - when neither says anything, the default ports of a well-known image (image-ports.ts).
 */
import { originOf, Origin } from '../model/origin';
import { normalizePorts, PortMapping } from '../model/ports';
import type { ComposeDict } from '../model/project';
import { imageDefaultPorts } from './image-ports';
import type { EnvValue } from './references';
import type { ListeningPort, PublishedPort } from './types';

export function servicePorts(svc: ComposeDict): { published: PublishedPort[]; listening: ListeningPort[] } {
  const published: PublishedPort[] = [];
  const listening: ListeningPort[] = [];
  const ports = Array.isArray(svc.ports) ? svc.ports : [];
  ports.forEach((entry, i) => {
    const origin = originOf(ports, i);
    for (const m of parsed(entry)) {
      published.push({ hostIp: m.host_ip ?? '', published: m.published ?? '', target: m.target, protocol: m.protocol, origin });
      listening.push({ port: m.target, protocol: m.protocol, from: 'ports', origin });
    }
  });
  const expose = Array.isArray(svc.expose) ? svc.expose : [];
  expose.forEach((entry, i) => {
    const m = /^(\d{1,5})(?:-(\d{1,5}))?(?:\/([a-z]+))?$/i.exec(String(entry));
    if (!m) return;
    const first = Number(m[1]);
    const last = m[2] ? Number(m[2]) : first;
    for (let p = first; p <= last && p <= 65535; p++) listening.push({ port: p, protocol: (m[3] ?? 'tcp').toLowerCase(), from: 'expose', origin: originOf(expose, i) });
  });
  return { published, listening };
}

/**
 * Everything the service listens on: declared ports, else stated settings, else image defaults
 * (see the module comment). Declared and stated ports add up; one port is listed once.
 * @param env the container's environment (effectiveEnvironment)
 */
export function listeningPorts(svc: ComposeDict, env: readonly EnvValue[], declared = servicePorts(svc).listening): ListeningPort[] {
  const out = [...declared];
  const seen = new Set(out.map((l) => `${l.port}/${l.protocol}`));
  for (const l of statedPorts(svc, env)) {
    if (seen.has(`${l.port}/${l.protocol}`)) continue;
    seen.add(`${l.port}/${l.protocol}`);
    out.push(l);
  }
  // Any `ports`/`expose` written (even one whose value is still unknown) says the file knows better than the image.
  const writes = (k: string): boolean => Array.isArray(svc[k]) && (svc[k] as unknown[]).length > 0;
  if (out.length || writes('ports') || writes('expose') || typeof svc.image !== 'string') return out;
  const origin = originOf(svc, 'image');
  return imageDefaultPorts(svc.image).map((p) => ({
    port: p.port,
    protocol: p.protocol,
    from: 'image',
    origin,
    source: defaultPortsSource(p.image, [p.port], p.protocol),
  }));
}

/** How image default ports are known, for messages: "nginx listens on 80 by default", "coredns listens on 53/udp by default", "x listens on 80, 443 by default". */
export function defaultPortsSource(image: string, ports: readonly number[], protocol: string): string {
  return `${image} listens on ${describePorts(ports, protocol).replace(/\/tcp$/, '')} by default`;
}

/** "80/tcp", "8000-8002/tcp", "80, 443/tcp": consecutive ports collapse into ranges. */
export function describePorts(ports: readonly number[], protocol: string): string {
  const sorted = [...new Set(ports)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(j === i ? String(sorted[i]) : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return `${parts.join(', ')}/${protocol}`;
}

/** The last word before `_PORT` in variables naming the service's own port: HTTP_PORT, GF_SERVER_HTTP_PORT, LISTEN_PORT. */
const OWN_PORT_WORD = new Set(['HTTP', 'HTTPS', 'LISTEN', 'SERVER', 'WEB', 'APP', 'API', 'GRPC', 'METRICS', 'ADMIN', 'BIND', 'UI', 'SERVICE', 'HTTPD']);
/** Words marking a port of a peer the service connects to (DB_SERVER_PORT, SMTP_PORT), or one seen from outside. */
const PEER_WORDS = new Set([
  'DB',
  'DATABASE',
  'SQL',
  'REDIS',
  'POSTGRES',
  'PG',
  'MYSQL',
  'MARIADB',
  'MONGO',
  'MONGODB',
  'SMTP',
  'MAIL',
  'EMAIL',
  'IMAP',
  'LDAP',
  'PROXY',
  'UPSTREAM',
  'BACKEND',
  'REMOTE',
  'TARGET',
  'KAFKA',
  'RABBITMQ',
  'AMQP',
  'ES',
  'ELASTIC',
  'ELASTICSEARCH',
  'EXTERNAL',
  'PUBLIC',
  'EXPOSED',
  'HOST',
  'FORWARDED',
  'CLIENT',
  'OTEL',
  'OTLP',
  'COLLECTOR',
  'CACHE',
  'QUEUE',
  'BROKER',
]);
const PEER_SUFFIXES = ['', '_HOST', '_HOSTNAME', '_ADDR', '_ADDRESS', '_SERVER', '_URL', '_URI'];

function isOwnPortKey(key: string, keys: ReadonlySet<string>): boolean {
  if (key === 'PORT') return true;
  const m = /^(.+)_PORT$/.exec(key);
  if (!m) return false;
  const words = m[1].split('_');
  if (!OWN_PORT_WORD.has(words[words.length - 1]) || words.some((w) => PEER_WORDS.has(w))) return false;
  // API_HOST=backend next to API_PORT=8000: the port of a peer.
  return !PEER_SUFFIXES.some((s) => keys.has(`${m[1]}${s}`));
}

const portNumber = (v: string): number | undefined => (/^\d{1,5}$/.test(v.trim()) && Number(v) > 0 && Number(v) <= 65535 ? Number(v) : undefined);

/** `--port`, `--http-port`, `--web.port`, `--server.port`, `-p` take a port number. */
const PORT_FLAG = /^(?:--(?:(?:[a-z0-9]+[.-])*(?:http|https|web|server|listen|api|grpc|metrics|admin|ui)[.-])?port|-p)$/;
/** `--web.listen-address`, `--bind`, `-b`, `--entrypoints.web.address`, `--http.addr` take `[host]:port`. */
const ADDRESS_FLAG = /^(?:--(?:[a-z0-9]+[.-])*(?:listen-address|listen-addr|listen|bind|bind-address|addr|address|http-address|http-addr)|-b)$/;
/** A bind address this host listens on: empty, a wildcard or loopback (a name is a peer: --redis.addr=redis:6379). */
const BIND_HOST = /^(?:|0\.0\.0\.0|\[?::\]?|localhost|127\.\d+\.\d+\.\d+|\[::1\])$/;

/** Ports stated by environment variables and command/entrypoint flags. */
export function statedPorts(svc: ComposeDict, env: readonly EnvValue[]): ListeningPort[] {
  const out: ListeningPort[] = [];
  const keys = new Set(env.map((e) => e.key));
  for (const e of env) {
    const port = portNumber(e.value);
    if (port !== undefined && isOwnPortKey(e.key, keys))
      out.push({ port, protocol: 'tcp', from: e.kind, origin: e.origin, source: `${e.key}=${port} in its ${e.kind === 'env_file' ? 'env_file' : 'environment'}` });
  }
  for (const kind of ['command', 'entrypoint'] as const) {
    const args = argumentsOf(svc, kind);
    for (let i = 0; i < args.length; i++) {
      const arg = args[i].value;
      const eq = arg.indexOf('=');
      const flag = (eq === -1 ? arg : arg.slice(0, eq)).toLowerCase();
      const value = eq === -1 ? args[i + 1]?.value : arg.slice(eq + 1);
      if (value === undefined || !flag.startsWith('-')) continue;
      let port: number | undefined;
      if (PORT_FLAG.test(flag)) port = portNumber(value);
      else if (ADDRESS_FLAG.test(flag)) {
        const m = /^(.*):(\d{1,5})$/.exec(value);
        if (m && BIND_HOST.test(m[1])) port = portNumber(m[2]);
      }
      if (port === undefined) continue;
      const written = eq === -1 ? `${arg} ${value}` : arg;
      out.push({ port, protocol: 'tcp', from: kind, origin: args[i].origin, source: `\`${written}\` in its ${kind}` });
    }
  }
  return out;
}

/** Words of a command or entrypoint: list items, or a string split on blanks (quotes dropped). */
function argumentsOf(svc: ComposeDict, key: 'command' | 'entrypoint'): { value: string; origin?: Origin }[] {
  const v = svc[key];
  const origin = originOf(svc, key);
  if (typeof v === 'string')
    return v
      .split(/\s+/)
      .filter(Boolean)
      .map((w) => ({ value: unquoted(w), origin }));
  if (Array.isArray(v)) {
    return v.flatMap((a, i) =>
      typeof a === 'string' || typeof a === 'number'
        ? String(a)
            .split(/\s+/)
            .filter(Boolean)
            .map((w) => ({ value: unquoted(w), origin: originOf(v, i) }))
        : [],
    );
  }
  return [];
}

/**
 * A word without an opening quote and without the quotes and semicolons closing it. A scan, not
 * `/["';]+$/`, which backtracks over every run of quotes (quadratic in a word of 100k of them).
 */
function unquoted(w: string): string {
  const start = w[0] === '"' || w[0] === "'" ? 1 : 0;
  let end = w.length;
  while (end > start && (w[end - 1] === '"' || w[end - 1] === "'" || w[end - 1] === ';')) end--;
  return w.slice(start, end);
}

function parsed(entry: unknown): PortMapping[] {
  try {
    return normalizePorts(entry);
  } catch {
    return [];
  }
}
