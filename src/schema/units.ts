/**
 * Durations, byte sizes and short volume specs: the schema only says "string", but compose-go
 * decodes each into a typed value and refuses the project when that fails.
 *
 *   durations:  github.com/xhit/go-str2duration ParseDuration (Go's time.ParseDuration plus `d`, `w`),
 *               used by compose-go types.Duration (healthcheck intervals, stop_grace_period, deploy delays)
 *   byte sizes: github.com/docker/go-units RAMInBytes, used by compose-go types.UnitBytes
 *               (mem_limit, shm_size, deploy.resources.*.memory, tmpfs size, ...)
 *   volumes:    compose-go format/volume.go ParseVolume (`[SOURCE:]TARGET[:MODE]`)
 */
import { goQuote } from '../load/template';
import { originOf } from '../model/origin';
import { formatPath, PathStep } from './path';
import type { SchemaProblem } from './validate';
import { type Dict, isDict } from '../util/dict';
import { parseShortVolume } from '../model/volume-spec';

const DURATION_UNITS = new Map<string, number>([
  ['ns', 1e-9],
  ['us', 1e-6],
  ['\u00b5s', 1e-6],
  ['\u03bcs', 1e-6],
  ['ms', 1e-3],
  ['s', 1],
  ['m', 60],
  ['h', 3600],
  ['d', 86400],
  ['w', 604800],
]);

/**
 * A duration as compose-go reads it (`1m30s`, `1.5h`, `2d`, `0`), in seconds; or Go's error text
 * without its `time: ` prefix (`unknown unit " seconds" in duration "5 seconds"`).
 */
export function parseDuration(text: string): { seconds: number } | { error: string } {
  const invalid = { error: `invalid duration ${goQuote(text)}` };
  let s = text;
  let sign = 1;
  if (s[0] === '-' || s[0] === '+') {
    if (s[0] === '-') sign = -1;
    s = s.slice(1);
  }
  if (s === '0') return { seconds: 0 };
  if (s === '') return invalid;
  let total = 0;
  while (s !== '') {
    const m = /^([0-9]*)(?:\.([0-9]*))?/.exec(s)!;
    if (m[0] === '' || (m[1] === '' && !m[2])) return invalid;
    s = s.slice(m[0].length);
    const unit = /^[^0-9.]*/.exec(s)![0];
    if (unit === '') return { error: `missing unit in duration ${goQuote(text)}` };
    const scale = DURATION_UNITS.get(unit);
    if (scale === undefined) return { error: `unknown unit ${goQuote(unit)} in duration ${goQuote(text)}` };
    s = s.slice(unit.length);
    total += Number(`${m[1] || '0'}.${m[2] || '0'}`) * scale;
  }
  return { seconds: sign * total };
}

/** go-units RAMInBytes: `512m`, `2g`, `1.5GiB`, `100` (binary multiples); undefined when refused. */
export function parseRamBytes(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?$/.exec(text);
  if (!m) return undefined;
  const power = m[2] ? 'kmgtp'.indexOf(m[2].toLowerCase()) + 1 : 0;
  return Math.trunc(parseFloat(m[1]) * 1024 ** power);
}

/** Service paths whose strings compose-go decodes as durations. */
const DURATION_PATHS: readonly (readonly string[])[] = [
  ['healthcheck', 'interval'],
  ['healthcheck', 'timeout'],
  ['healthcheck', 'start_period'],
  ['healthcheck', 'start_interval'],
  ['stop_grace_period'],
  ['deploy', 'update_config', 'delay'],
  ['deploy', 'update_config', 'monitor'],
  ['deploy', 'rollback_config', 'delay'],
  ['deploy', 'rollback_config', 'monitor'],
  ['deploy', 'restart_policy', 'delay'],
  ['deploy', 'restart_policy', 'window'],
];

/** Service paths whose strings compose-go decodes as byte sizes. */
const BYTES_PATHS: readonly (readonly string[])[] = [
  ['mem_limit'],
  ['memswap_limit'],
  ['mem_reservation'],
  ['shm_size'],
  ['build', 'shm_size'],
  ['deploy', 'resources', 'limits', 'memory'],
  ['deploy', 'resources', 'reservations', 'memory'],
];

/** The container holding the last step of `steps` under `svc`, with that key; undefined when absent. */
function slot(svc: Dict, steps: readonly string[]): { parent: Dict; key: string } | undefined {
  let parent: unknown = svc;
  for (let i = 0; i < steps.length - 1; i++) parent = isDict(parent) ? parent[steps[i]] : undefined;
  const key = steps[steps.length - 1];
  return isDict(parent) && key in parent ? { parent, key } : undefined;
}

/** Durations, byte sizes and short volume entries compose-go cannot decode, at the value. */
export function validateUnits(model: Dict): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const services = model.services;
  if (!isDict(services)) return problems;
  const report = (path: PathStep[], container: object, key: PathStep, text: string): void => {
    const origin = originOf(container, key);
    // A value made by interpolation is the interpolation rule's to explain (an unset variable, usually).
    if (origin && origin.source.text.slice(origin.start, origin.end).includes('$')) return;
    problems.push({ message: `${formatPath(path)}: ${text}`, origin, path });
  };
  for (const [name, svc] of Object.entries(services)) {
    if (!isDict(svc)) continue;
    for (const steps of DURATION_PATHS) {
      const at = slot(svc, steps);
      const v = at?.parent[at.key];
      if (!at || typeof v !== 'string') continue;
      const r = parseDuration(v);
      if ('error' in r) report(['services', name, ...steps], at.parent, at.key, `${r.error}; Docker Compose refuses it: write a number with a unit (ns, us, ms, s, m, h, d, w), e.g. 30s or 1m30s`);
    }
    for (const steps of BYTES_PATHS) {
      const at = slot(svc, steps);
      const v = at?.parent[at.key];
      if (!at || typeof v !== 'string' || parseRamBytes(v) !== undefined) continue;
      report(['services', name, ...steps], at.parent, at.key, `invalid size ${goQuote(v)}; Docker Compose refuses it: write a number of bytes with an optional unit (k, m, g, t, p), e.g. 512m or 2g`);
    }
    const volumes = svc.volumes;
    if (!Array.isArray(volumes)) continue;
    volumes.forEach((entry, i) => {
      if (typeof entry !== 'string') return;
      const r = parseShortVolume(entry);
      if (r.error) report(['services', name, 'volumes', i], volumes, i, `invalid volume ${goQuote(entry)}: ${r.error}; Docker Compose refuses it (the short syntax is [SOURCE:]TARGET[:MODE])`);
    });
  }
  return problems;
}
