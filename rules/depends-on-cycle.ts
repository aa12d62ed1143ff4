import { defineRule, TypedRuleContext } from '../src/define-rule';
import type { Origin } from '../src/model/origin';
import { ComposeDict, servicesOf } from '../src/model/project';
import { dependsOn, links, networkMode, sharedNamespaces, volumesFrom } from '../src/model/service';
import { isDict } from '../src/util/dict';

interface Edge {
  to: string;
  /** The key that makes the dependency: Compose also starts link, volumes_from, network_mode, pid, ipc and uts targets first. */
  via: 'depends_on' | 'links' | 'volumes_from' | 'network_mode' | 'pid' | 'ipc' | 'uts';
  origin?: Origin;
}

/** A service's start-order dependencies on services of the project, one edge per target (the first written). */
function edgesOf(svc: ComposeDict, services: Record<string, unknown>): Edge[] {
  // Added in the order written, the first edge per target kept: no list of every edge first (issue 13).
  const out: Edge[] = [];
  const seen = new Set<string>();
  const add = (to: string, via: Edge['via'], origin: Origin | undefined): void => {
    if (!Object.prototype.hasOwnProperty.call(services, to) || seen.has(to)) return;
    seen.add(to);
    out.push({ to, via, origin });
  };
  for (const d of dependsOn(svc)) add(d.name, 'depends_on', d.origin);
  for (const l of links(svc)) add(l.target, 'links', l.origin);
  for (const v of volumesFrom(svc)) if (v.kind === 'service') add(v.name, 'volumes_from', v.origin);
  const mode = networkMode(svc);
  if (mode?.kind === 'service' && mode.target !== undefined) add(mode.target, 'network_mode', mode.origin);
  for (const n of sharedNamespaces(svc)) add(n.target, n.key, n.origin);
  return out;
}

/** A service on the walk's path, with the edge the walk is following out of it. */
interface Step {
  name: string;
  next: number;
  edge?: Edge;
}

/** `a -> b -> a`, plus which steps come from keys other than depends_on. */
function describeCycle(path: Step[]): string {
  const names = [...path.map((p) => p.name), path[0].name].join(' -> ');
  const implicit = path.flatMap((p) => (p.edge && p.edge.via !== 'depends_on' ? [`${p.name} -> ${p.edge.to} comes from ${p.edge.via}`] : []));
  return implicit.length ? `${names} (${implicit.join('; ')})` : names;
}

/**
 * Depth-first walk in file order, iterative so long chains cannot overflow the stack. Each edge
 * back to a service still on the walk's path closes exactly one cycle: the path from that service
 * to here. So each cycle found is reported once, at the entry that closes it.
 */
function check(ctx: TypedRuleContext<Record<string, never>, 'cycle'>): void {
  const services = servicesOf(ctx.project);
  const names = Object.keys(services).filter((n) => isDict(services[n]));
  const edges = new Map(names.map((n) => [n, edgesOf(services[n], services)]));
  const state = new Map<string, 'open' | 'done'>();
  for (const root of names) {
    if (state.has(root)) continue;
    const path: Step[] = [];
    const enter = (name: string): void => {
      state.set(name, 'open');
      path.push({ name, next: 0 });
    };
    enter(root);
    while (path.length) {
      const top = path[path.length - 1];
      const out = edges.get(top.name) ?? [];
      if (top.next >= out.length) {
        state.set(top.name, 'done');
        path.pop();
        continue;
      }
      const edge = out[top.next++];
      top.edge = edge;
      const seen = state.get(edge.to);
      if (seen === undefined) {
        enter(edge.to);
      } else if (seen === 'open') {
        const cycle = path.slice(path.findIndex((p) => p.name === edge.to));
        ctx.report({
          messageId: 'cycle',
          data: { cycle: describeCycle(cycle) },
          origin: edge.origin,
          service: top.name,
          value: edge.to,
        });
      }
    }
  }
}

export default defineRule<Record<string, never>, 'cycle'>({
  id: 'depends-on-cycle',
  description: 'Services must not depend on each other in a cycle.',
  category: 'correctness',
  severity: 'error',
  fixable: false,
  messages: {
    cycle: 'dependency cycle: {{cycle}}; Docker Compose cannot decide which service to start first and refuses the project',
  },
  docs: {
    why: 'Docker Compose starts a service after the services it depends on. When dependencies form a cycle (`a -> b -> a`), there is no order to start them in and Compose refuses the project. Links, `volumes_from` and `network_mode`, `pid`, `ipc` or `uts` set to `service:X` are dependencies too. The cycle is reported once, in order, at the entry that closes it: remove the dependency that is not really needed, or let the application retry its connection instead.',
    bad: 'services:\n  api:\n    image: myapi\n    depends_on:\n      - worker\n  worker:\n    image: myworker\n    depends_on:\n      - api\n',
    good: 'services:\n  api:\n    image: myapi\n    depends_on:\n      - worker\n  worker:\n    image: myworker\n',
  },
  check,
});
