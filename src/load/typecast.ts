/**
 * After interpolation compose-go turns string values at known paths into numbers and booleans
 * (`interpolateTypeCastMapping` in compose-go v2 loader/interpolate.go), so `replicas: "${N:-2}"`
 * becomes 2 before schema validation. Only strings are cast; values YAML already typed stay.
 *
 * Like interpolateTree, castTypes changes the dict IN PLACE (origins and merge tags are kept).
 */
import { Origin, originOf } from '../model/origin';
import { composePath, PathStep } from './interpolate';
import { goQuote as quote } from './template';

export type CastKind = 'int' | 'int64' | 'float' | 'float32' | 'bool';

/** Paths as compose-go writes them: `*` any key or item, `[]` any list item. */
export const CAST_PATHS: readonly (readonly [string, CastKind])[] = [
  ['services.*.configs.[].mode', 'int'],
  ['services.*.cpu_count', 'int64'],
  ['services.*.cpu_percent', 'float'],
  ['services.*.cpu_period', 'int64'],
  ['services.*.cpu_quota', 'int64'],
  ['services.*.cpu_rt_period', 'int64'],
  ['services.*.cpu_rt_runtime', 'int64'],
  ['services.*.cpus', 'float32'],
  ['services.*.cpu_shares', 'int64'],
  ['services.*.init', 'bool'],
  ['services.*.deploy.replicas', 'int'],
  ['services.*.deploy.update_config.parallelism', 'int'],
  ['services.*.deploy.update_config.max_failure_ratio', 'float'],
  ['services.*.deploy.rollback_config.parallelism', 'int'],
  ['services.*.deploy.rollback_config.max_failure_ratio', 'float'],
  ['services.*.deploy.restart_policy.max_attempts', 'int'],
  ['services.*.deploy.placement.max_replicas_per_node', 'int'],
  ['services.*.healthcheck.retries', 'int'],
  ['services.*.healthcheck.disable', 'bool'],
  ['services.*.oom_kill_disable', 'bool'],
  ['services.*.oom_score_adj', 'int64'],
  ['services.*.pids_limit', 'int64'],
  ['services.*.ports.[].target', 'int'],
  ['services.*.privileged', 'bool'],
  ['services.*.read_only', 'bool'],
  ['services.*.scale', 'int'],
  ['services.*.secrets.[].mode', 'int'],
  ['services.*.stdin_open', 'bool'],
  ['services.*.tty', 'bool'],
  ['services.*.ulimits.*', 'int'],
  ['services.*.ulimits.*.hard', 'int'],
  ['services.*.ulimits.*.soft', 'int'],
  ['services.*.volumes.[].read_only', 'bool'],
  ['services.*.volumes.[].volume.nocopy', 'bool'],
  ['networks.*.external', 'bool'],
  ['networks.*.internal', 'bool'],
  ['networks.*.attachable', 'bool'],
  ['networks.*.enable_ipv6', 'bool'],
  ['volumes.*.external', 'bool'],
  ['secrets.*.external', 'bool'],
  ['configs.*.external', 'bool'],
];

export interface CastProblem {
  /** `invalid`: the value cannot be cast (compose refuses the file); `yaml11-boolean`: y/yes/on/n/no/off (compose warns). */
  kind: 'invalid' | 'yaml11-boolean';
  severity: 'error' | 'warning';
  message: string;
  value: string;
  path: PathStep[];
  origin?: Origin;
}

export function castTypes(dict: Record<string, unknown>, onProblem?: (p: CastProblem) => void): Record<string, unknown> {
  const path: PathStep[] = [];
  const visit = (container: Record<PathStep, unknown>, key: PathStep, node: TrieNode): void => {
    const v = container[key];
    if (typeof v === 'string') {
      if (node.cast) castValue(container, key, v, node.cast);
    } else if (v !== null && typeof v === 'object') {
      path.push(key);
      visitChildren(v as Record<PathStep, unknown>, node);
      path.pop();
    }
  };
  const visitChildren = (c: Record<PathStep, unknown>, node: TrieNode): void => {
    if (Array.isArray(c)) {
      const next = node.item ?? node.any;
      if (next) for (let i = 0; i < c.length; i++) visit(c, i, next);
      return;
    }
    const keys = Object.keys(c);
    for (let i = 0; i < keys.length; i++) {
      // Indexed, not for-of: whole-tree walks run mostly before the optimizer, where each for-of step allocates.
      const next = node.keys.get(keys[i]) ?? node.any;
      if (next) visit(c, keys[i], next);
    }
  };
  const castValue = (container: Record<PathStep, unknown>, key: PathStep, value: string, kind: CastKind): void => {
    const r = CASTS[kind](value);
    const report = (kindOfProblem: CastProblem['kind'], message: string) =>
      onProblem?.({
        kind: kindOfProblem,
        severity: kindOfProblem === 'invalid' ? 'error' : 'warning',
        message,
        value,
        path: [...path, key],
        origin: originOf(container, key),
      });
    if ('error' in r) {
      report('invalid', castMessage(composePath([...path, key]), kind, value, r.error));
      return;
    }
    container[key] = r.value;
    if (r.warning) report('yaml11-boolean', r.warning);
  };
  visitChildren(dict, TRIE);
  return dict;
}

/**
 * What is wrong with the value, in Compose's terms: compose-go's message names Go's parser
 * (`strconv.Atoi: parsing "three": invalid syntax`), which tells a user nothing about the file.
 */
function castMessage(where: string, kind: CastKind, value: string, goError: string): string {
  const got = `got ${quote(value)}`;
  if (/out of range/.test(goError)) return `${where} is out of range: ${got}`;
  if (kind === 'bool') return `${where} must be true or false, ${got}`;
  if (kind === 'int' || kind === 'int64') return `${where} must be a whole number, ${got}`;
  return `${where} must be a number, ${got}`;
}

// ---- the paths as a trie, so the walk visits only the places that may need a cast ----------

interface TrieNode {
  keys: Map<string, TrieNode>;
  any?: TrieNode;
  item?: TrieNode;
  cast?: CastKind;
}

function buildTrie(): TrieNode {
  const root: TrieNode = { keys: new Map() };
  for (const [p, kind] of CAST_PATHS) {
    let n = root;
    for (const part of p.split('.')) {
      if (part === '*') n = n.any ??= { keys: new Map() };
      else if (part === '[]') n = n.item ??= { keys: new Map() };
      else {
        let next = n.keys.get(part);
        if (!next) n.keys.set(part, (next = { keys: new Map() }));
        n = next;
      }
    }
    n.cast = kind;
  }
  return root;
}
const TRIE = buildTrie();

// ---- Go's parsers ---------------------------------------------------------------------------

type CastResult = { value: number | boolean; warning?: string } | { error: string };

const CASTS: Record<CastKind, (s: string) => CastResult> = {
  int: (s) => parseGoInt(s, 'Atoi'),
  int64: (s) => parseGoInt(s, 'ParseInt'),
  float: (s) => parseGoFloat(s, false),
  float32: (s) => parseGoFloat(s, true),
  bool: parseGoBool,
};

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** strconv.Atoi / ParseInt(s, 10, 64): optional sign, decimal digits, 64-bit range. */
export function parseGoInt(s: string, fn: 'Atoi' | 'ParseInt'): CastResult {
  if (!/^[+-]?[0-9]+$/.test(s)) return { error: `strconv.${fn}: parsing ${quote(s)}: invalid syntax` };
  const big = BigInt(s);
  if (big < INT64_MIN || big > INT64_MAX) return { error: `strconv.${fn}: parsing ${quote(s)}: value out of range` };
  return { value: Number(big) };
}

// Go float syntax: underscores only between digits (or right after a 0x prefix); hex needs a p exponent.
const DEC = String.raw`[0-9](?:_?[0-9])*`;
const HEX = String.raw`[0-9a-fA-F](?:_?[0-9a-fA-F])*`;
const DECIMAL_FLOAT = new RegExp(String.raw`^[+-]?(?:${DEC}(?:\.(?:${DEC})?)?|\.${DEC})(?:[eE][+-]?${DEC})?$`);
const HEX_FLOAT = new RegExp(String.raw`^([+-]?)0[xX](?:_?(${HEX}))?(?:\.(${HEX})?)?[pP]([+-]?${DEC})$`);

/** strconv.ParseFloat(s, 64 or 32); the value is returned as a JS number either way. */
export function parseGoFloat(s: string, float32: boolean): CastResult {
  const syntax = { error: `strconv.ParseFloat: parsing ${quote(s)}: invalid syntax` };
  const special = /^([+-]?)(inf|infinity)$/i.exec(s);
  if (special) return { value: special[1] === '-' ? -Infinity : Infinity };
  if (/^nan$/i.test(s)) return { value: NaN };
  let v: number;
  if (DECIMAL_FLOAT.test(s)) v = Number(s.replace(/_/g, ''));
  else {
    const h = HEX_FLOAT.exec(s);
    if (!h || (!h[2] && !h[3])) return syntax;
    const int = (h[2] ?? '').replace(/_/g, '');
    const frac = (h[3] ?? '').replace(/_/g, '');
    const mantissa = parseInt(int + frac || '0', 16);
    v = mantissa * 2 ** (Number(h[4].replace(/_/g, '')) - 4 * frac.length);
    if (h[1] === '-') v = -v;
  }
  if (!Number.isFinite(float32 ? Math.fround(v) : v)) return { error: `strconv.ParseFloat: parsing ${quote(s)}: value out of range` };
  return { value: v };
}

/** compose-go's toBoolean: true/false; YAML 1.1 spellings are accepted with a warning. */
export function parseGoBool(s: string): CastResult {
  switch (s.toLowerCase()) {
    case 'true':
      return { value: true };
    case 'false':
      return { value: false };
    case 'y':
    case 'yes':
    case 'on':
      return { value: true, warning: `${quote(s)} for boolean is not supported by YAML 1.2, please use \`true\`` };
    case 'n':
    case 'no':
    case 'off':
      return { value: false, warning: `${quote(s)} for boolean is not supported by YAML 1.2, please use \`false\`` };
    default:
      return { error: `invalid boolean: ${s}` };
  }
}
