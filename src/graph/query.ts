/**
 * Questions rules ask the graph. Each answer costs at most the number of networks of the services
 * involved (names are indexed per network), never a walk over all services.
 */
import type { Graph, HostReference, ServiceNode } from './types';

/** References that are host names found in values (environment, env_file, command, entrypoint). */
export function isHostnameReference(ref: HostReference): boolean {
  return ref.kind === 'environment' || ref.kind === 'env_file' || ref.kind === 'command' || ref.kind === 'entrypoint';
}

/**
 * The service whose network stack `service` uses: itself, or for `network_mode: service:X` the end
 * of that chain. Undefined when the chain names a missing service or loops.
 */
export function namespaceOwner(graph: Graph, service: string): ServiceNode | undefined {
  let node = graph.services.get(service);
  const seen = new Set<string>();
  while (node && node.namespace.kind === 'service') {
    if (seen.has(node.name)) return undefined;
    seen.add(node.name);
    node = graph.services.get(node.namespace.target ?? '');
  }
  return node;
}

/** Networks the service's namespace is attached to (empty for host, none, bridge, container:X). */
export function reachableNetworks(graph: Graph, service: string): string[] {
  const owner = namespaceOwner(graph, service);
  return owner && owner.namespace.kind === 'own' ? owner.networks : [];
}

/** Networks both services' namespaces are attached to, in `a`'s order. */
export function sharedNetworks(graph: Graph, a: string, b: string): string[] {
  const other = new Set(reachableNetworks(graph, b));
  return reachableNetworks(graph, a).filter((n) => other.has(n));
}

/** Every (service, network) where `name` resolves through a network's DNS. */
export function holdersOf(graph: Graph, name: string): { service: string; network: string }[] {
  return graph.names.get(name.toLowerCase()) ?? [];
}

export type Resolution =
  /** `targets` are the project's services the name reaches (empty for extra_hosts and external links). */
  | { status: 'resolved'; via: 'network' | 'link' | 'external_link' | 'extra_hosts' | 'hostname'; targets: string[]; network?: string }
  /** compose-lint cannot know: the namespace belongs to a container outside the project, or an unknown network_mode. */
  | { status: 'unknowable'; reason: 'container' | 'other' | 'missing-namespace' }
  | { status: 'unresolved' };

/** Does `name` resolve from `from`, and to what? Follows network_mode service:X to the namespace owner. */
export function resolveName(graph: Graph, from: string, name: string): Resolution {
  const owner = namespaceOwner(graph, from);
  if (!owner) return { status: 'unknowable', reason: 'missing-namespace' };
  const kind = owner.namespace.kind;
  if (kind === 'container' || kind === 'other') return { status: 'unknowable', reason: kind };
  const lower = name.toLowerCase();
  if (owner.extraHosts.has(lower)) return { status: 'resolved', via: 'extra_hosts', targets: [] };
  if (owner.hostname?.toLowerCase() === lower) return { status: 'resolved', via: 'hostname', targets: [owner.name] };
  if (owner.externalLinks.some((l) => l.alias.toLowerCase() === lower)) return { status: 'resolved', via: 'external_link', targets: [] };
  const link = owner.links.find((l) => l.alias.toLowerCase() === lower && linkWorks(graph, owner, l.target));
  if (link) return { status: 'resolved', via: 'link', targets: [link.target] };
  if (kind !== 'own') return { status: 'unresolved' };
  const targets = new Set<string>();
  let network: string | undefined;
  for (const net of owner.networks) {
    const here = graph.networks.get(net)?.dnsNames.get(lower);
    if (!here) continue;
    network ??= net;
    here.forEach((t) => targets.add(t));
  }
  return network === undefined ? { status: 'unresolved' } : { status: 'resolved', via: 'network', targets: [...targets], network };
}

/** Links do not cross networks: the target must share one with the linking namespace (or both sit on the default bridge). */
export function linkWorks(graph: Graph, owner: ServiceNode, target: string): boolean {
  const t = graph.services.get(target);
  if (!t) return false;
  if (owner.namespace.kind === 'bridge') return t.namespace.kind === 'bridge';
  return sharedNetworks(graph, owner.name, target).length > 0;
}

const usersCache = new WeakMap<Graph, Map<string, Set<string>>>();

/**
 * Services that use `service`: name it in depends_on, link to it, share its namespace, or refer to
 * a host name that resolves to it. Built once per graph.
 */
export function usersOf(graph: Graph, service: string): ReadonlySet<string> {
  let users = usersCache.get(graph);
  if (!users) {
    users = new Map();
    usersCache.set(graph, users);
    const add = (target: string, user: string): void => {
      if (target === user) return;
      const set = users!.get(target);
      if (set) set.add(user);
      else users!.set(target, new Set([user]));
    };
    for (const node of graph.services.values()) {
      for (const ref of node.references) {
        if (ref.kind === 'external_links') continue;
        if (!isHostnameReference(ref)) {
          if (graph.services.has(ref.host)) add(ref.host, node.name);
          continue;
        }
        const r = resolveName(graph, node.name, ref.host);
        if (r.status === 'resolved') r.targets.forEach((t) => add(t, node.name));
      }
    }
  }
  return users.get(service) ?? new Set();
}

/**
 * The closest known name (service, container_name or alias) to a misspelt one, if any is close;
 * names of `exclude` (the service asking, which does not mean itself) are not offered.
 *
 * Searching is linear in the number of names, so answers are kept per name asked, and the searches
 * of one graph share a budget (SUGGESTION_BUDGET units: one per name looked at plus one per
 * edit-distance cell): past it, no more suggestions — thousands of distinct dangling names in a
 * file of thousands of services must not make linting quadratic (issue 14).
 */
export function nearestName(graph: Graph, name: string, exclude?: string): string | undefined {
  const lower = name.toLowerCase();
  const own = new Set<string>();
  const self = exclude === undefined ? undefined : graph.services.get(exclude);
  if (self) {
    own.add(self.name.toLowerCase());
    if (self.containerName) own.add(self.containerName.toLowerCase());
    for (const a of self.attachments) for (const al of a.aliases) own.add(al.value.toLowerCase());
  }
  const best = nearCandidates(graph, lower)?.find((c) => !own.has(c));
  return best === undefined ? undefined : spelling(graph, best);
}

/** Work units the name suggestions of one graph may spend (about half a second). */
export const SUGGESTION_BUDGET = 30_000_000;

interface SuggestionState {
  candidates: { name: string; mask: number }[];
  /** Lowercase name asked -> close names, nearest first (ties by name); undefined once over budget. */
  answers: Map<string, string[] | undefined>;
  spent: number;
}

const suggestionCache = new WeakMap<Graph, SuggestionState>();

/** Every known name within the edit distance allowed for `lower`, nearest first; undefined past the budget. */
function nearCandidates(graph: Graph, lower: string): string[] | undefined {
  const state = suggestionStateOf(graph);
  if (state.answers.has(lower)) return state.answers.get(lower);
  let found: { name: string; d: number }[] | undefined = [];
  if (state.spent > SUGGESTION_BUDGET) found = undefined;
  else {
    const mask = letterMask(lower);
    // At most two edits, fewer for short names: supabase-mail is not a typo of supabase-meta.
    const cap = Math.min(2, Math.max(1, Math.floor(lower.length / 4)));
    state.spent += state.candidates.length;
    for (const c of state.candidates) {
      // Cheap bounds first (length, letters one name has and the other lacks): most names are far.
      if (Math.abs(c.name.length - lower.length) > cap) continue;
      if (Math.max(bitCount(mask & ~c.mask), bitCount(c.mask & ~mask)) > cap + 1) continue;
      state.spent += lower.length * c.name.length;
      const d = editDistance(lower, c.name, cap);
      if (d <= cap) found.push({ name: c.name, d });
      if (state.spent > SUGGESTION_BUDGET) {
        found = undefined;
        break;
      }
    }
  }
  const answer = found?.sort((a, b) => a.d - b.d || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map((c) => c.name);
  state.answers.set(lower, answer);
  return answer;
}

/** Every lowercase name of the graph with its letter mask, built once per graph. */
function suggestionStateOf(graph: Graph): SuggestionState {
  let state = suggestionCache.get(graph);
  if (!state) {
    const names = new Set([...graph.names.keys(), ...graph.serviceNames.keys()]);
    state = { candidates: [...names].map((name) => ({ name, mask: letterMask(name) })), answers: new Map(), spent: 0 };
    suggestionCache.set(graph, state);
  }
  return state;
}

/**
 * One bit per letter present (a-z; digits share five bits; `_`, `-` and `.` one): the letters one
 * name has and the other lacks bound their edit distance from below.
 */
function letterMask(s: string): number {
  let m = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) m |= 1 << (c - 97);
    else if (c >= 48 && c <= 57) m |= 1 << (26 + ((c - 48) % 5));
    else m |= 1 << 31;
  }
  return m;
}

function bitCount(n: number): number {
  let v = n >>> 0;
  let count = 0;
  for (; v; v &= v - 1) count++;
  return count;
}

/** A name as some file writes it (index keys are lowercase). */
function spelling(graph: Graph, lower: string): string {
  for (const s of graph.serviceNames.get(lower) ?? []) {
    const node = graph.services.get(s)!;
    if (node.name.toLowerCase() === lower) return node.name;
    if (node.containerName?.toLowerCase() === lower) return node.containerName;
  }
  for (const h of graph.names.get(lower) ?? []) {
    const node = graph.services.get(h.service)!;
    for (const a of node.attachments) for (const al of a.aliases) if (al.value.toLowerCase() === lower) return al.value;
  }
  return lower;
}

/**
 * Edit distance counting a swap of neighbours as one edit (kafak -> kafka), with `_` and `-` as the
 * same character (post_db vs post-db). Stops early once every path costs more than `cap`.
 */
function editDistance(a: string, b: string, cap: number): number {
  // Three rows of char codes' costs, reused: this runs once per candidate name of every search.
  const n = b.length;
  if (rows.length < 3 * (n + 1)) rows = new Int32Array(3 * (n + 1) * 2);
  let before = 0;
  let prev = n + 1;
  let cur = 2 * (n + 1);
  for (let j = 0; j <= n; j++) rows[prev + j] = j;
  for (let i = 1; i <= a.length; i++) {
    const ai = fold(a.charCodeAt(i - 1));
    const ai1 = i > 1 ? fold(a.charCodeAt(i - 2)) : -1;
    rows[cur] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const bj = fold(b.charCodeAt(j - 1));
      // Comparisons, not Math.min: no global lookup per cell (slow in Jest's sandboxed globals).
      let d = rows[prev + j - 1] + (ai === bj ? 0 : 1);
      if (rows[prev + j] + 1 < d) d = rows[prev + j] + 1;
      if (rows[cur + j - 1] + 1 < d) d = rows[cur + j - 1] + 1;
      if (i > 1 && j > 1 && ai === fold(b.charCodeAt(j - 2)) && ai1 === bj && rows[before + j - 2] + 1 < d) d = rows[before + j - 2] + 1;
      rows[cur + j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > cap) return rowMin;
    const t = before;
    before = prev;
    prev = cur;
    cur = t;
  }
  return rows[prev + n];
}

let rows = new Int32Array(96);

/** `_` counts as `-` (post_db vs post-db). */
function fold(c: number): number {
  return c === 95 ? 45 : c;
}
