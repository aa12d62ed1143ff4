/**
 * Finding host names in configuration values. The forms recognised:
 *
 *   scheme://[user[:pass]@]host[:port][,host[:port]...][/...]   anywhere in a value (several per value)
 *   user:pass@host[:port]                                        the whole value
 *   host:port[,host:port...]                                      the whole value
 *   host                                                          the whole value of a key named HOST, *_HOST, *_SERVER, *_ADDR
 *   host[,host...]                                                the whole value of a key named *_HOSTS, *_SERVERS, *_SEEDS
 *   host[,host...]                                                the whole value of a URL-like key (*_URL, *_URI, *_DSN,
 *                                                                 *_ENDPOINT, *_BROKER(S), *_CONNECTION), marked `ifDefined`:
 *                                                                 a host only when the project defines that name
 *   host                                                          the whole value of any other key, marked `usageOnly`:
 *                                                                 a use of the service of that name, never checked as a
 *                                                                 host (EventBusConnection=rabbitmq; CACHE_DRIVER=redis)
 *
 * URLs whose authority is not a network host (s3://bucket, file://, unix://) are skipped, and so are
 * keys naming the service's own public or bind address (VIRTUAL_HOST, LISTEN_ADDR).
 *
 * Whatever is found must look like a host name: letters, digits, `_`, `-`, `.`, with at least one
 * letter; `localhost` and IP literals are never compose names. Whether a dotted name is a real DNS
 * domain (ignored) or a project alias (checked) is decided by the caller, who knows the aliases.
 */
export interface HostMention {
  host: string;
  port?: number;
  /** Offset of `host` in the value. */
  index: number;
  /**
   * A bare word under a URL-like key (MONGODB_URL=post_db): a host only if the project defines
   * that name (a word matching nothing is some other setting and stays ignored).
   */
  ifDefined?: boolean;
  /**
   * The bare whole value of a key that says nothing about hosts (EventBusConnection=rabbitmq): a
   * use of the service of that name when the project has one, but not a host name to check, since
   * such a word is as often a driver or mode (CACHE_DRIVER=redis) as a host.
   */
  usageOnly?: boolean;
}

const HOST_RE = /^[A-Za-z0-9](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?$/;
const HAS_LETTER = /[A-Za-z]/;
const LOOPBACK = new Set(['localhost', 'localhost.localdomain', 'ip6-localhost', 'ip6-loopback']);
/** Values of *_HOST / *_SERVER keys that are settings, not hosts (REV_SERVER=true). */
const NOT_HOSTS = new Set(['true', 'false', 'yes', 'no', 'on', 'off', 'none', 'null', 'nil', 'enabled', 'disabled', 'enable', 'disable', 'auto', 'default', 'any', 'all']);

/** A key whose bare value is a host: HOST, DB_HOST, SMTP_SERVER, REDIS_ADDR (but see SELF_KEY). */
const HOST_KEY = /(?:^|_)(?:HOST|SERVER|ADDR)$/i;
/** Keys whose value is a comma-separated list of bare hosts: ELASTICSEARCH_HOSTS, CASSANDRA_SEEDS. */
const HOST_LIST_KEY = /(?:^|_)(?:HOSTS|SERVERS|SEEDS)$/i;
/** Keys whose value is usually a URL, so a bare word there may be a host: MONGODB_URL, *_DSN, KAFKA_BROKERS. */
const URL_KEY = /(?:^|_)(?:URL|URI|DSN|ENDPOINT|BROKERS?|CONNECTION)$/i;
/** Keys that hold the service's own public or bind name rather than a peer it connects to. */
const SELF_KEY = /(?:^|_)(?:VIRTUAL|LETSENCRYPT|PUBLIC|EXTERNAL|BIND|LISTEN)(?:_|$)/i;
/** Keys whose `name:123` values are image references or versions, not host:port. */
const NOT_HOST_PORT_KEY = /IMAGE|VERSION|(?:^|_)TAG(?:_|$)/i;

/** IP literals fail here without an IP parser: IPv4 has no letter, IPv6 has colons. */
export function isCandidateHost(h: string): boolean {
  return HOST_RE.test(h) && HAS_LETTER.test(h) && !LOOPBACK.has(h.toLowerCase()) && !h.includes('..');
}

/** A dotted name made of DNS labels ending in an alphabetic TLD: `smtp.gmail.com`, not `db_0.internal` or `app.py`. */
export function looksLikeDomain(h: string): boolean {
  if (!h.includes('.')) return false; // most names are single labels: no split
  const labels = h.split('.');
  const tld = labels[labels.length - 1];
  return /^[A-Za-z]{2,}$/.test(tld) && labels.every((l) => /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/.test(l));
}

/** A whole value that may name a host: a candidate host name and not a word such as `true` or `none`. */
const isBareHost = (h: string): boolean => isCandidateHost(h) && !NOT_HOSTS.has(h.toLowerCase());

/** Host names in an environment variable's value. */
export function hostsInEnvValue(key: string, value: string): HostMention[] {
  if (SELF_KEY.test(key)) return [];
  if (value.includes('://')) {
    const urls = hostsInUrls(value);
    if (urls.length) return urls;
  }
  const trimmed = value.trim();
  const lead = value.indexOf(trimmed);
  const auth = trimmed.includes('@') ? userPassHost(trimmed) : undefined;
  if (auth) return [{ ...auth, index: auth.index + lead }];
  if (trimmed.includes(':') && !NOT_HOST_PORT_KEY.test(key)) {
    const pairs = hostPortList(trimmed);
    if (pairs.length) return pairs.map((p) => ({ ...p, index: p.index + lead }));
  }
  if (HOST_KEY.test(key) && isBareHost(trimmed)) return [{ host: trimmed, index: lead }];
  if (HOST_LIST_KEY.test(key) || URL_KEY.test(key)) {
    const parts = splitList(trimmed, lead);
    const ifDefined = !HOST_LIST_KEY.test(key);
    if (parts.length && parts.every((p) => isBareHost(p.text))) return parts.map((p) => (ifDefined ? { host: p.text, index: p.index, ifDefined } : { host: p.text, index: p.index }));
  }
  if (isBareHost(trimmed)) return [{ host: trimmed, index: lead, usageOnly: true }];
  return [];
}

/** Host names in a command or entrypoint argument: URLs only (other words are too often not hosts). */
export function hostsInArgument(arg: string): HostMention[] {
  return arg.includes('://') ? hostsInUrls(arg) : [];
}

// `_` is not a scheme character, but Kafka listener names (PLAINTEXT_HOST://) use it and mark where a URL starts.
const SCHEME = /([A-Za-z][A-Za-z0-9+._-]*):\/\//g;
/** Schemes whose authority is not a network host: buckets (s3://profiles), local paths, sockets. */
const NOT_HOST_SCHEMES = new Set([
  'file',
  'unix',
  'npipe',
  's3',
  's3a',
  's3n',
  'gs',
  'gcs',
  'az',
  'azblob',
  'abfs',
  'abfss',
  'wasb',
  'wasbs',
  'sqlite',
  'sqlite3',
  'mem',
  'memory',
  'inmemory',
  'local',
]);
/** Where a URL's authority ends (a following URL is cut off separately, see hostsInUrls). */
const AUTHORITY_END = /[\s/?#'"`\\)\]}<>]/;

/** Hosts in every `scheme://authority` of a value; `a,b` authorities (mongodb://a:1,b:2) give each host. */
export function hostsInUrls(value: string): HostMention[] {
  const starts: { at: number; authority: number; scheme: string }[] = [];
  for (const m of value.matchAll(SCHEME)) starts.push({ at: m.index, authority: m.index + m[0].length, scheme: m[1].toLowerCase() });
  const out: HostMention[] = [];
  starts.forEach((s, i) => {
    if (NOT_HOST_SCHEMES.has(s.scheme)) return;
    const limit = i + 1 < starts.length ? starts[i + 1].at : value.length;
    let end = s.authority;
    while (end < limit && !AUTHORITY_END.test(value[end])) end++;
    let authority = value.slice(s.authority, end);
    let offset = s.authority;
    const at = authority.lastIndexOf('@');
    if (at !== -1) {
      offset += at + 1;
      authority = authority.slice(at + 1);
    }
    for (const part of splitList(authority, offset)) {
      const hp = splitHostPort(part.text);
      if (hp && isCandidateHost(hp.host)) out.push(hp.port === undefined ? { host: hp.host, index: part.index } : { host: hp.host, port: hp.port, index: part.index });
    }
  });
  return out;
}

/** `user:pass@host[:port][/path]` as a whole value. */
function userPassHost(v: string): HostMention | undefined {
  const m = /^[^\s:@/]+:[^\s@/]*@([^\s@/:]+)(?::(\d{1,5}))?(?:\/\S*)?$/.exec(v);
  if (!m || !isCandidateHost(m[1])) return undefined;
  const index = v.indexOf('@') + 1;
  return m[2] ? { host: m[1], port: Number(m[2]), index } : { host: m[1], index };
}

/** `host:port` or `host1:port1,host2:port2` as a whole value. */
function hostPortList(v: string): HostMention[] {
  const parts = splitList(v, 0);
  const out: HostMention[] = [];
  for (const p of parts) {
    const m = /^([^:\s]+):(\d{1,5})$/.exec(p.text);
    if (!m || !isCandidateHost(m[1])) return [];
    out.push({ host: m[1], port: Number(m[2]), index: p.index });
  }
  return out;
}

function splitHostPort(text: string): { host: string; port?: number } | undefined {
  const m = /^([^:]+)(?::(\d{0,5}))?$/.exec(text);
  if (!m) return undefined;
  return { host: m[1], port: m[2] ? Number(m[2]) : undefined };
}

/** Comma-separated parts, trimmed, with their offsets; empty parts (a trailing comma) dropped. */
function splitList(text: string, base: number): { text: string; index: number }[] {
  const out: { text: string; index: number }[] = [];
  let from = 0;
  for (const piece of text.split(',')) {
    const trimmed = piece.trim();
    if (trimmed !== '') out.push({ text: trimmed, index: base + from + piece.indexOf(trimmed) });
    from += piece.length + 1;
  }
  return out;
}
