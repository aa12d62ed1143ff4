/**
 * `env_file` and `label_file`, as Docker Compose resolves them after loading (compose-go types/project.go
 * WithServicesEnvironmentResolved / WithServicesLabelsResolved; the `raw` format is registered by the
 * docker compose CLI):
 *
 *   - each file is read relative to the project directory (included and extended files' entries are
 *     already absolute), in order; a later file wins over an earlier one, and the service's own
 *     `environment` / `labels` win over every file;
 *   - a missing env file is refused unless the entry says `required: false`; a missing label file is
 *     always refused; a line the parser rejects is refused, at that line of the file;
 *   - env file values are interpolated with the project environment first, then the service's own
 *     `environment` and the files read before (`format: raw` takes values as written).
 *
 * The values are folded into the service's `environment` / `labels`, each keeping the origin of the
 * place it is written in the file, and the contents are recorded for the graph (which never reads the
 * disk). Only enabled services are resolved, as compose-go resolves project.Services.
 */
import * as path from 'path';
import { LoadContext, LoadError, LoadProblem } from './context';
import { readSource, NO_SUCH_FILE } from './read';
import { displayPath } from '../util/display-path';
import { probePath } from './inputs';
import { DotenvError, parseDotenvWithLines, unclosedQuote } from './dotenv';
import { cloneWithOrigins, keyOriginOf, Origin, originOf, setKeyOrigin, setOrigin } from '../model/origin';
import { offsetOf, SourceFile } from '../model/source';
import type { ComposeDict, EnvFileEntry } from '../model/project';
import { goQuote } from './template';
import { type Dict, isDict, scalarText } from '../util/dict';

interface FileRef {
  path: string;
  required: boolean;
  format: string;
  /** Where the entry is written (its path). */
  origin?: Origin;
}

/** `env_file` / `label_file` entries: a string, a list of strings, or a list of {path, required, format}. */
function fileRefs(svc: Dict, key: 'env_file' | 'label_file'): FileRef[] {
  const v = svc[key];
  if (typeof v === 'string') return [{ path: v, required: true, format: '', origin: originOf(svc, key) }];
  if (!Array.isArray(v)) return [];
  return v.flatMap((item, i): FileRef[] => {
    if (typeof item === 'string') return [{ path: item, required: true, format: '', origin: originOf(v, i) }];
    if (!isDict(item) || typeof item.path !== 'string') return [];
    const format = typeof item.format === 'string' ? item.format : '';
    return [{ path: item.path, required: item.required !== false, format, origin: originOf(item, 'path') ?? originOf(v, i) }];
  });
}

export interface ServiceFilesResult {
  model: ComposeDict;
  /** Parsed contents by absolute path (files that could be read and parsed). */
  files: Record<string, EnvFileEntry[]>;
  problems: LoadProblem[];
}

/** Fold every enabled service's env files into `environment` and label files into `labels`. The input is not modified. */
export function resolveServiceFiles(ctx: LoadContext, model: ComposeDict, projectDir: string, projectEnv: Record<string, string>): ServiceFilesResult {
  const files: Record<string, EnvFileEntry[]> = {};
  const problems: LoadProblem[] = [];
  const services = model.services;
  if (!isDict(services)) return { model, files, problems };
  let outServices: Dict | undefined;
  for (const name of Object.keys(services)) {
    const svc = services[name];
    if (!isDict(svc) || (svc.env_file === undefined && svc.label_file === undefined)) continue;
    const problem = (message: string, origin: Origin | undefined): void => {
      problems.push({ rule: 'load-error', severity: 'error', message, origin, service: name });
    };
    const read = (ref: FileRef, kind: 'env_file' | 'label_file', lookup: (k: string) => string | undefined): EnvFileEntry[] | undefined => {
      const abs = path.resolve(projectDir, ref.path);
      const shown = displayPath(ctx.cwd, abs);
      if (probePath(abs) === 'absent') {
        if (kind === 'env_file' && !ref.required) return undefined;
        const optional = kind === 'env_file' ? ' (add `required: false` to the entry if the file is optional)' : '';
        problem(`${kind === 'env_file' ? 'env' : 'label'} file ${shown}: ${NO_SUCH_FILE}; Docker Compose refuses the project${optional}`, ref.origin);
        return undefined;
      }
      if (ref.format !== '' && ref.format !== '.env' && ref.format !== 'raw') {
        problem(`unsupported env_file format ${goQuote(ref.format)}: Docker Compose knows the default format and \`raw\``, ref.origin);
        return undefined;
      }
      let source: SourceFile;
      try {
        source = readSource(ctx, abs, 'dotenv');
      } catch (e) {
        if (!(e instanceof LoadError)) throw e;
        problem(`cannot read ${kind} ${e.message}`, ref.origin);
        return undefined;
      }
      try {
        const entries = ref.format === 'raw' ? parseRaw(source, lookup) : parseDotenvFile(source, lookup);
        files[abs] = entries;
        return entries;
      } catch (e) {
        if (!(e instanceof DotenvError)) throw e;
        const open = unclosedQuote(source.text, e);
        const reason = open ? open.message : e.message.replace(/^line \d+: /, '');
        const at = open ? { source, start: open.offset, end: open.offset + 1 } : lineOrigin(source, e.offset);
        problem(`${kind} ${shown} of service "${name}": ${reason}; Docker Compose refuses the project`, at);
        return undefined;
      }
    };
    let out = svc;
    const envRefs = fileRefs(svc, 'env_file');
    if (envRefs.length) {
      const own = ownValues(svc.environment);
      const fromFiles = new Map<string, EnvFileEntry>();
      const lookup = (k: string): string | undefined => projectEnv[k] ?? own.get(k) ?? fromFiles.get(k)?.value;
      for (const ref of envRefs) for (const e of read(ref, 'env_file', lookup) ?? []) fromFiles.set(e.key, e);
      out = fold(out, 'environment', fromFiles);
    }
    const labelRefs = fileRefs(svc, 'label_file');
    if (labelRefs.length) {
      const fromFiles = new Map<string, EnvFileEntry>();
      for (const ref of labelRefs) for (const e of read(ref, 'label_file', (k) => fromFiles.get(k)?.value) ?? []) fromFiles.set(e.key, e);
      out = fold(out, 'labels', fromFiles);
    }
    if (out !== svc) {
      outServices ??= cloneWithOrigins(services);
      outServices[name] = out;
    }
  }
  if (!outServices) return { model, files, problems };
  const outModel = cloneWithOrigins(model);
  outModel.services = outServices;
  return { model: outModel, files, problems };
}

/** The values a service's own `environment` sets (map or `KEY=value` list form). */
function ownValues(env: unknown): Map<string, string> {
  const out = new Map<string, string>();
  if (Array.isArray(env)) {
    for (const item of env) {
      const s = String(item);
      const eq = s.indexOf('=');
      if (eq !== -1) out.set(s.slice(0, eq), s.slice(eq + 1));
    }
  } else if (isDict(env)) {
    for (const [k, v] of Object.entries(env)) if (v !== null && v !== undefined) out.set(k, scalarText(v));
  }
  return out;
}

/** The keys a map or `KEY[=value]` list sets (with or without a value). */
function ownKeys(v: unknown): Set<string> {
  if (isDict(v)) return new Set(Object.keys(v));
  if (!Array.isArray(v)) return new Set();
  return new Set(v.map((item) => String(item).split('=')[0]));
}

/**
 * `svc[key]` with the files' entries it does not set itself added: to a list as `KEY=value`, to a map
 * as keys; each added value points into its file. Returns `svc` when nothing is added.
 */
function fold(svc: Dict, key: 'environment' | 'labels', fromFiles: Map<string, EnvFileEntry>): Dict {
  const current = svc[key];
  const own = ownKeys(current);
  const added = [...fromFiles.values()].filter((e) => !own.has(e.key));
  if (!added.length) return svc;
  const out = cloneWithOrigins(svc);
  if (Array.isArray(current)) {
    const list = cloneWithOrigins(current);
    for (const e of added) {
      setOrigin(list, list.length, e.origin);
      list.push(`${e.key}=${e.value}`);
    }
    out[key] = list;
  } else {
    const map: Dict = isDict(current) ? cloneWithOrigins(current) : {};
    for (const e of added) {
      map[e.key] = e.value;
      setOrigin(map, e.key, e.origin);
      setKeyOrigin(map, e.key, e.keyOrigin);
    }
    out[key] = map;
    if (!isDict(current)) setKeyOrigin(out, key, keyOriginOf(svc, 'env_file') ?? keyOriginOf(svc, 'label_file'));
  }
  return out;
}

/** compose-go's dotenv format (see dotenv.ts), each value with its place in the file. */
function parseDotenvFile(source: SourceFile, lookup: (k: string) => string | undefined): EnvFileEntry[] {
  const parsed = parseDotenvWithLines(source.text, lookup);
  return Object.entries(parsed.values).map(([key, value]) => entryAt(source, parsed.lines[key], key, value));
}

/**
 * The `raw` format (docker/cli kvfile, as `docker run --env-file`): `KEY=value` taken as written,
 * a bare `KEY` taken from the lookup, blank lines and `#` comments skipped.
 */
function parseRaw(source: SourceFile, lookup: (k: string) => string | undefined): EnvFileEntry[] {
  const out = new Map<string, EnvFileEntry>();
  const lines = source.text.split('\n');
  let offset = 0;
  lines.forEach((raw, i) => {
    const lineStart = offset;
    offset += raw.length + 1;
    const line = raw.replace(/\r$/, '').replace(/^[ \t]+/, '');
    if (line === '' || line.startsWith('#')) return;
    const eq = line.indexOf('=');
    const key = eq === -1 ? line : line.slice(0, eq);
    if (/\s/.test(key)) throw new DotenvError(`variable '${key}' contains whitespaces`, i + 1, lineStart);
    if (key === '') throw new DotenvError(`no variable name on line '${line}'`, i + 1, lineStart);
    const value = eq === -1 ? lookup(key) : line.slice(eq + 1);
    if (value !== undefined) out.set(key, entryAt(source, i + 1, key, value));
  });
  return [...out.values()];
}

/** The whole line holding `offset`. */
function lineOrigin(source: SourceFile, offset: number): Origin {
  const start = source.text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
  const nl = source.text.indexOf('\n', offset);
  return { source, start: offset > start ? offset : start, end: nl === -1 ? source.text.length : nl };
}

/** `KEY=value`, `export KEY=value`, `KEY: value`, `KEY="value"` on line `line` -> the places of the key and the value. */
function entryAt(source: SourceFile, line: number, key: string, value: string): EnvFileEntry {
  const lineStart = offsetOf(source, line, 1);
  const nl = source.text.indexOf('\n', lineStart);
  const lineEnd = nl === -1 ? source.text.length : nl;
  const text = source.text.slice(lineStart, lineEnd);
  const lead = /^\s*(?:export\s+)?/.exec(text);
  const keyAt = lead ? lead[0].length : 0;
  let at = keyAt + key.length;
  const skipBlanks = (): void => {
    while (at < text.length && (text[at] === ' ' || text[at] === '\t')) at++;
  };
  skipBlanks();
  if (text[at] === '=' || text[at] === ':') at++;
  skipBlanks();
  const start = lineStart + at;
  const literal = source.text.startsWith(value, start);
  return {
    key,
    value,
    origin: { source, start, end: literal ? start + value.length : lineEnd },
    keyOrigin: { source, start: lineStart + keyAt, end: lineStart + keyAt + key.length },
  };
}
