/**
 * compose-go's consistency checks on the enabled services (loader/validate.go checkConsistency and
 * types/project.go CheckContainerNameUnicity, v2.x), each reported at the key or value that causes it:
 *
 *   - a service needs an `image` or a `build` ("has neither an image nor a build context specified");
 *   - `container_name` must be unique, and cannot be combined with more than one replica;
 *   - `scale` and `deploy.replicas`, `cpus`, `mem_limit`, `mem_reservation` and `pids_limit` and their
 *     `deploy.resources` counterparts must not disagree ("can't set distinct values on ...").
 */
import type { LoadProblem } from './context';
import type { FileDocument } from '../model/project';
import { shortVolumeTarget } from './unicity';
import { keyOriginOf, originOf } from '../model/origin';
import type { ComposeDict } from '../model/project';
import { closestMatch } from '../schema/suggest';
import { parseGoFloat } from './typecast';
import { parseRamBytes } from '../schema/units';
import { lineCol } from '../model/source';
import { type Dict, isDict } from '../util/dict';

const has = (d: Dict, k: string): boolean => Object.prototype.hasOwnProperty.call(d, k) && d[k] !== null && d[k] !== undefined;

/**
 * The consistency problems of a merged model whose services are the enabled ones. `withErrors`:
 * services with an error already (a failed extends, a mistyped key), whose missing image is its consequence.
 * `firstFile`: per service, the index of the -f file where it first appears; a service without an
 * image that first appears in a later file than a service of a close name is asked whether it was
 * meant to override that one (a misspelt override makes a new, empty service).
 */
export function checkConsistency(
  model: ComposeDict,
  disabled: Record<string, ComposeDict>,
  withErrors: ReadonlySet<string> = new Set(),
  firstFile: ReadonlyMap<string, number> = new Map(),
): LoadProblem[] {
  const problems: LoadProblem[] = [];
  const services = isDict(model.services) ? model.services : {};
  const names = Object.keys(services);
  const containerNames = new Map<string, string>();
  for (const name of names) {
    const svc = services[name];
    if (!isDict(svc)) continue;
    const error = (message: string, origin = keyOriginOf(services, name), value?: string): void => {
      problems.push({ rule: 'schema', severity: 'error', message, origin, service: name, value });
    };
    if (!has(svc, 'image') && !has(svc, 'build') && !withErrors.has(name)) {
      // Only a service new in a later file can be a misspelt override of one from an earlier file.
      const own = firstFile.get(name) ?? 0;
      const earlier = own > 0 ? [...names, ...Object.keys(disabled)].filter((n) => (firstFile.get(n) ?? own) < own) : [];
      const near = earlier.length ? closestMatch(name, earlier) : undefined;
      const hint = near ? `; is it meant to override "${near}"? A different name makes a new, empty service` : '; add one of them';
      error(`service "${name}" has neither an image nor a build context specified: Docker Compose refuses the project${hint}`);
    }
    const containerName = typeof svc.container_name === 'string' && svc.container_name !== '' ? svc.container_name : undefined;
    if (containerName !== undefined) {
      const first = containerNames.get(containerName);
      const at = originOf(svc, 'container_name');
      if (first === undefined) containerNames.set(containerName, name);
      else {
        const firstAt = originOf(services[first], 'container_name');
        const where = firstAt ? ` (${firstAt.source.path}:${lineCol(firstAt.source, firstAt.start).line})` : '';
        error(`container name "${containerName}" is already in use by service "${first}"${where}: Docker Compose refuses two containers with one name`, at, containerName);
      }
      const replicas = replicaCount(svc);
      if (replicas && replicas.count > 1) {
        error(
          `container_name "${containerName}" cannot be combined with ${replicas.key}: ${replicas.count}: every replica needs a name of its own, and Docker Compose refuses the service`,
          at,
          containerName,
        );
      }
    }
    for (const p of distinctValues(svc))
      error(
        `\`${p.key}\` and \`${p.deployKey}\` disagree (${p.value} and ${p.deployValue}): Docker Compose refuses the service ("can't set distinct values"); keep one of them`,
        keyOriginOf(svc, p.key),
      );
  }
  return problems;
}

/** The replica count and the key it comes from (`scale` wins, as compose-go copies it over deploy.replicas). */
function replicaCount(svc: Dict): { key: string; count: number } | undefined {
  if (typeof svc.scale === 'number') return { key: 'scale', count: svc.scale };
  const d = isDict(svc.deploy) ? svc.deploy.replicas : undefined;
  return typeof d === 'number' ? { key: 'deploy.replicas', count: d } : undefined;
}

interface Disagreement {
  key: string;
  deployKey: string;
  value: string;
  deployValue: string;
}

/** Settings given twice, at the service and under `deploy`, with values that differ once decoded. */
function distinctValues(svc: Dict): Disagreement[] {
  const deploy = isDict(svc.deploy) ? svc.deploy : undefined;
  if (!deploy) return [];
  const resources = isDict(deploy.resources) ? deploy.resources : {};
  const limits = isDict(resources.limits) ? resources.limits : {};
  const reservations = isDict(resources.reservations) ? resources.reservations : {};
  const cpu = (v: unknown): number | undefined => {
    if (typeof v === 'number') return Math.fround(v);
    const r = typeof v === 'string' ? parseGoFloat(v, true) : undefined;
    return r && 'value' in r ? Math.fround(r.value as number) : undefined;
  };
  const bytes = (v: unknown): number | undefined => (typeof v === 'number' ? v : typeof v === 'string' ? parseRamBytes(v) : undefined);
  const int = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
  const pairs: [string, Dict, string, string, (v: unknown) => number | undefined][] = [
    ['scale', deploy, 'replicas', 'deploy.replicas', int],
    ['cpus', limits, 'cpus', 'deploy.resources.limits.cpus', cpu],
    ['mem_limit', limits, 'memory', 'deploy.resources.limits.memory', bytes],
    ['mem_reservation', reservations, 'memory', 'deploy.resources.reservations.memory', bytes],
    ['pids_limit', limits, 'pids', 'deploy.resources.limits.pids', int],
  ];
  const out: Disagreement[] = [];
  for (const [key, where, deployField, deployKey, decode] of pairs) {
    if (!has(svc, key) || !has(where, deployField)) continue;
    const a = decode(svc[key]);
    const b = decode(where[deployField]);
    // Zero at the service level means "not set" to compose-go; undecodable values are the schema's.
    if (a === undefined || b === undefined || (a === 0 && key !== 'scale') || a === b) continue;
    out.push({ key, deployKey, value: String(svc[key]), deployValue: String(where[deployField]) });
  }
  return out;
}

/**
 * Two mounts on one container path in one service of one file: compose-go keeps one mount per target
 * (override/uncity.go, the later one) and drops the other without a word. Across files, a mount that
 * replaces one at the same path is how an override changes it, so only a file's own list is checked.
 */
export function checkDuplicateMounts(documents: readonly FileDocument[]): LoadProblem[] {
  const problems: LoadProblem[] = [];
  for (const { dict } of documents) {
    const services = isDict(dict.services) ? dict.services : {};
    for (const [name, svc] of Object.entries(services)) {
      const volumes = isDict(svc) ? svc.volumes : undefined;
      if (!Array.isArray(volumes)) continue;
      const seen = new Map<string, number>();
      volumes.forEach((v, i) => {
        const target = isDict(v) ? (typeof v.target === 'string' ? v.target : undefined) : typeof v === 'string' ? shortVolumeTarget(v) : undefined;
        if (target === undefined || target === '') return;
        const first = seen.get(target);
        if (first === undefined) {
          seen.set(target, i);
          return;
        }
        const firstAt = originOf(volumes, first);
        const line = firstAt ? `line ${lineCol(firstAt.source, firstAt.start).line}` : `volumes[${first}]`;
        problems.push({
          rule: 'schema',
          severity: 'warning',
          message: `services.${name}.volumes[${i}]: mounts "${target}" again (also ${mountText(volumes[first])} on ${line}): Docker Compose keeps only this mount and drops the other without a word`,
          origin: originOf(volumes, i),
          service: name,
          value: target,
        });
        seen.set(target, i);
      });
    }
  }
  return problems;
}

function mountText(v: unknown): string {
  if (typeof v === 'string') return `"${v}"`;
  return isDict(v) && typeof v.source === 'string' ? `"${v.source}"` : 'a mount';
}
