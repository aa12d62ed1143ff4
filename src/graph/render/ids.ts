/** Stable, syntax-safe node ids for the mermaid and dot renderers: n0.. networks, s0.. services, u0.. unknown names. */
import type { GraphView } from './view';

export interface NodeIds {
  network(name: string): string;
  service(name: string): string;
  unknown(name: string): string;
  /** A service's id, or the unknown-name id for an edge target that is not a service. */
  target(name: string): string;
  /** Edge targets that are not services, in first-use order. */
  missing(): string[];
}

export function nodeIds(view: GraphView): NodeIds {
  const networks = new Map(view.networks.map((n, i) => [n.name, `n${i}`]));
  const services = new Map(view.services.map((s, i) => [s.name, `s${i}`]));
  const unknown = new Map<string, string>();
  for (const e of view.edges) if (!services.has(e.to) && !unknown.has(e.to)) unknown.set(e.to, `u${unknown.size}`);
  return {
    network: (n) => networks.get(n)!,
    service: (s) => services.get(s)!,
    unknown: (n) => unknown.get(n)!,
    target: (n) => services.get(n) ?? unknown.get(n)!,
    missing: () => [...unknown.keys()],
  };
}
