/**
 * Shared by the `strict` hardening rules (no-new-privileges, cap-drop-all, read-only-root, ...):
 * each service with the severity its exposure gives a missing hardening setting (warning when the
 * service is public, info otherwise) and the phrase that says how it is reached.
 */
import type { Severity } from '../src/types';
import type { ComposeDict, Project } from '../src/model/project';
import { servicesOf } from '../src/model/project';
import type { Graph } from '../src/graph/types';
import type { Origin } from '../src/model/origin';
import { keyOriginOf } from '../src/model/origin';

export interface HardeningTarget {
  name: string;
  svc: ComposeDict;
  /** The service's key. */
  origin?: Origin;
  /** warning for public services, info for adjacent and internal ones. */
  severity: Severity;
  /** How the service is reached: "published on 0.0.0.0:8080", "on front with public service ui", "not published". */
  reach: string;
  isPublic: boolean;
}

/** Every service of the merged model, in model order, with its exposure-derived severity. */
export function hardeningTargets(ctx: { project: Project; graph: Graph }): HardeningTarget[] {
  const services = servicesOf(ctx.project);
  return Object.entries(services).map(([name, svc]) => {
    const exposure = ctx.graph.services.get(name)?.exposure;
    const isPublic = exposure?.level === 'public';
    return {
      name,
      svc: svc && typeof svc === 'object' ? svc : {},
      origin: ctx.graph.services.get(name)?.origin ?? keyOriginOf(services, name),
      severity: isPublic ? 'warning' : 'info',
      reach: exposure?.reason ?? 'not published',
      isPublic,
    };
  });
}

/** A string list setting (`security_opt`, `cap_drop`, `tmpfs`): a lone string counts as a list of one. */
export function stringList(v: unknown): { value: string; index: number }[] {
  if (typeof v === 'string') return [{ value: v, index: -1 }];
  return Array.isArray(v) ? v.flatMap((x, index) => (typeof x === 'string' ? [{ value: x, index }] : [])) : [];
}

/** The message data every hardening rule passes: service name and how it is reached. */
export const reachData = (t: HardeningTarget): { service: string; reach: string } => ({ service: t.name, reach: t.reach });
