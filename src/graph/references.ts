/**
 * What a service names as another host: depends_on, links, network_mode service:X, and host names
 * found in its environment (env_file contents under `environment`, which wins), command and
 * entrypoint. Each reference keeps the place it is written, narrowed to the name inside its value.
 */
import * as path from 'path';
import { originOf, Origin } from '../model/origin';
import { dependsOn, environment, envFiles, externalLinks, links, networkMode } from '../model/service';
import type { ComposeDict, Project } from '../model/project';
import { hostsInArgument, hostsInEnvValue, HostMention } from './hostnames';
import type { HostReference, ReferenceKind } from './types';

/** @param env the container's environment (effectiveEnvironment), read once by the caller */
export function serviceReferences(svc: ComposeDict, env: readonly EnvValue[]): HostReference[] {
  const refs: HostReference[] = [];
  for (const d of dependsOn(svc)) refs.push({ kind: 'depends_on', host: d.name, value: d.name, origin: d.origin });
  for (const l of links(svc)) refs.push({ kind: 'links', host: l.target, value: l.raw, origin: l.origin });
  for (const l of externalLinks(svc)) refs.push({ kind: 'external_links', host: l.target, value: l.raw, origin: l.origin });
  const mode = networkMode(svc);
  if (mode?.kind === 'service' && mode.target) refs.push({ kind: 'network_mode', host: mode.target, value: mode.raw, origin: mode.origin });
  for (const v of env) {
    for (const m of hostsInEnvValue(v.key, v.value)) refs.push(mention(v.kind, m, v.value, v.origin, v.key, v.keyWritten));
  }
  for (const kind of ['command', 'entrypoint'] as const) {
    for (const arg of argumentsOf(svc, kind)) {
      for (const m of hostsInArgument(arg.value)) refs.push(mention(kind, m, arg.value, arg.origin));
    }
  }
  return refs;
}

/** One variable of a container's environment, with where it is written. */
export interface EnvValue {
  key: string;
  value: string;
  origin?: Origin;
  kind: 'environment' | 'env_file';
  /** The origin covers `KEY=value` (list form), not just the value. */
  keyWritten: boolean;
}

/**
 * The container's environment as compose builds it: env_files in order, then `environment` over them.
 * The loader folded the env files' values into `environment`; an entry that still points at its env
 * file's value is reported as coming from the env file.
 */
export function effectiveEnvironment(svc: ComposeDict, project: Project): EnvValue[] {
  const byKey = new Map<string, EnvValue>();
  for (const f of envFiles(svc)) {
    for (const e of project.envFiles[path.resolve(project.workingDir, f.path)] ?? []) byKey.set(e.key, { key: e.key, value: e.value, origin: e.origin, kind: 'env_file', keyWritten: false });
  }
  const listForm = Array.isArray(svc.environment);
  for (const e of environment(svc)) {
    const fromFile = byKey.get(e.key);
    if (fromFile && e.origin && fromFile.origin?.source === e.origin.source && fromFile.origin.start === e.origin.start) continue;
    // `- NAME` takes its value from the project environment; the entry is where it is asked for.
    const value = e.value ?? project.env[e.key];
    if (value === undefined) byKey.delete(e.key);
    else byKey.set(e.key, { key: e.key, value, origin: e.origin, kind: 'environment', keyWritten: listForm });
  }
  return [...byKey.values()];
}

function argumentsOf(svc: ComposeDict, key: 'command' | 'entrypoint'): { value: string; origin?: Origin }[] {
  const v = svc[key];
  if (typeof v === 'string') return [{ value: v, origin: originOf(svc, key) }];
  if (Array.isArray(v)) return v.flatMap((a, i) => (typeof a === 'string' || typeof a === 'number' ? [{ value: String(a), origin: originOf(v, i) }] : []));
  return [];
}

function mention(kind: ReferenceKind, m: HostMention, value: string, origin: Origin | undefined, key?: string, keyWritten = false): HostReference {
  const ref: HostReference = { kind, host: m.host, value, origin: origin && narrow(origin, value, m, keyWritten ? key : undefined) };
  if (m.port !== undefined) ref.port = m.port;
  if (key !== undefined) ref.key = key;
  if (m.ifDefined) ref.ifDefined = true;
  if (m.usageOnly) ref.usageOnly = true;
  return ref;
}

/**
 * The host's own place inside the written scalar, when the text holds it literally: the same
 * occurrence as in the value, counted after `writtenKey` (a list-form `KEY=value` entry, or a map
 * entry that a merge turned into one). When the name came from a variable, the value's place.
 */
function narrow(origin: Origin, value: string, m: HostMention, writtenKey?: string): Origin {
  const text = origin.source.text.slice(origin.start, origin.end);
  let from = 0;
  if (writtenKey !== undefined) {
    const k = text.indexOf(writtenKey);
    from = k === -1 ? 0 : k + writtenKey.length;
    while (from < text.length && /[\s=:]/.test(text[from])) from++;
  }
  let nth = 0;
  for (let i = value.indexOf(m.host); i !== -1 && i < m.index; i = value.indexOf(m.host, i + 1)) nth++;
  let at = text.indexOf(m.host, from);
  for (; at !== -1 && nth > 0; nth--) at = text.indexOf(m.host, at + 1);
  // Not written here (from a variable): the value's place, or the whole entry for a bare `- NAME`
  // that takes its value from the project environment (no value to point at: cover the name).
  if (at === -1) return from && from < text.length ? { source: origin.source, start: origin.start + from, end: origin.end } : origin;
  return { source: origin.source, start: origin.start + at, end: origin.start + at + m.host.length };
}
