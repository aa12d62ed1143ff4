/**
 * Shared by the security rules: each service's exposure as the graph computed it, the severity a
 * finding gets from it, and the phrase messages use to say how the service is reached.
 *
 * Policy: a rule picks a base severity per finding (its default, or a tier of it); a finding on a
 * public service is raised one level (info -> warning -> error). Adjacent and internal services
 * keep the base. SARIF moves the finding's `security-severity` with it (src/report/sarif.ts).
 */
import type { Severity } from '../src/types';
import type { Exposure } from '../src/graph/exposure';
import type { Graph } from '../src/graph/types';
import type { ComposeDict, Project } from '../src/model/project';
import { servicesOf } from '../src/model/project';
import { isDict } from '../src/util/dict';

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
/** Capability names as Docker reads them (`cap_add`, `cap_drop`): any case, with or without `CAP_`. */
export function capabilityName(entry: string): string {
  return entry.trim().toUpperCase().replace(/^CAP_/, '');
}

/** How a message says the service is reached: "public: published on 0.0.0.0:8080", "internal: not published". */
export function reach(exposure: Exposure): string {
  return `${exposure.level}: ${exposure.reason}`;
}

/**
 * The list services() gave for a services mapping: a dozen rules ask for it on the same model (issue 13:
 * 70 ms of list building at 10,000 services). Keyed by the mapping, as loaded models are not changed.
 */
const servicesLists = new WeakMap<object, readonly (readonly [string, ComposeDict])[]>();

/**
 * The enabled services of the merged model, as [name, definition] (definitions that are not mappings
 * skipped). The list is shared by every caller on the same model: read it, never change it.
 */
export function services(project: Project): readonly (readonly [string, ComposeDict])[] {
  const all = servicesOf(project);
  let list = servicesLists.get(all);
  if (!list) {
    list = Object.entries(all).filter((e): e is [string, ComposeDict] => isDict(e[1]));
    servicesLists.set(all, list);
  }
  return list;
}

/** `true` after interpolation (the loader casts `privileged: "${P}"` and the like to booleans, as compose-go does). */
export function isTrue(v: unknown): boolean {
  return v === true;
}

/** A list value, or [] (the schema rule reports values of the wrong type). */
export function listOf(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}
