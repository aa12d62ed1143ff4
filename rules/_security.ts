/**
 * How a finding's severity and wording follow the service's exposure, as the graph computed it.
 *
 * Policy: a rule picks a base severity per finding (its default, or a tier of it); a finding on a
 * public service is raised one level (info -> warning -> error). Adjacent and internal services
 * keep the base. SARIF moves the finding's `security-severity` with it (src/report/sarif.ts).
 * The `strict` hardening rules (no-new-privileges, cap-drop-all, read-only-root, ...) report a
 * missing setting at info, so a warning on a public service (`hardeningTargets`).
 */
import type { Severity } from '../src/types';
import type { Exposure } from '../src/graph/exposure';
import type { Graph } from '../src/graph/types';
import type { Origin } from '../src/model/origin';
import { keyOriginOf } from '../src/model/origin';
import type { ComposeDict, Project } from '../src/model/project';
import { serviceEntries, servicesOf } from '../src/model/project';

const RAISED: Record<Severity, Severity> = { info: 'warning', warning: 'error', error: 'error' };

const INTERNAL: Exposure = { level: 'internal', reason: 'not published' };

/** The service's exposure (internal when the graph has no node for it). */
export function exposureOf(graph: Graph, service: string): Exposure {
  return graph.services.get(service)?.exposure ?? INTERNAL;
}

/** `base` for adjacent and internal services, one level up for public ones. */
export function severityFor(base: Severity, exposure: Exposure): Severity {
  return exposure.level === 'public' ? RAISED[base] : base;
}

/** One level up (a worse variant of a finding, e.g. SYS_PTRACE with `pid: host`). */
export const raise = (s: Severity): Severity => RAISED[s];

/** How a message says the service is reached: "public: published on 0.0.0.0:8080", "internal: not published". */
export function reach(exposure: Exposure): string {
  return `${exposure.level}: ${exposure.reason}`;
}

/** A service a hardening rule checks, with what its exposure gives a missing setting. */
export interface HardeningTarget {
  readonly name: string;
  readonly svc: ComposeDict;
  /** The service's key. */
  readonly origin?: Origin;
  /** warning for public services, info for adjacent and internal ones. */
  readonly severity: Severity;
  /** How the service is reached: "published on 0.0.0.0:8080", "on front with public service ui", "not published". */
  readonly reach: string;
  readonly isPublic: boolean;
}

/**
 * hardeningTargets() per graph (with the project it was asked for): about ten rules ask for it on
 * the same model and graph in a run, and each call built one object per service. Shared: read it,
 * never change it.
 */
const targetsMemo = new WeakMap<Graph, { project: Project; targets: readonly HardeningTarget[] }>();

/** Every enabled service of the merged model (see serviceEntries), in model order, with its exposure-derived severity; one list per graph, shared by every caller. */
export function hardeningTargets(ctx: { project: Project; graph: Graph }): readonly HardeningTarget[] {
  const known = targetsMemo.get(ctx.graph);
  if (known?.project === ctx.project) return known.targets;
  const targets = serviceEntries(ctx.project).map(([name, svc]): HardeningTarget => {
    const exposure = exposureOf(ctx.graph, name);
    return {
      name,
      svc,
      origin: ctx.graph.services.get(name)?.origin ?? keyOriginOf(servicesOf(ctx.project), name),
      severity: severityFor('info', exposure),
      reach: exposure.reason,
      isPublic: exposure.level === 'public',
    };
  });
  targetsMemo.set(ctx.graph, { project: ctx.project, targets });
  return targets;
}

/** The message data every hardening rule passes: service name and how it is reached. */
export const reachData = (t: HardeningTarget): { service: string; reach: string } => ({ service: t.name, reach: t.reach });
