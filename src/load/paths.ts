/**
 * Relative paths written in a file that is not the project's own (an extended or included file) are
 * relative to that file's directory. compose-go makes them absolute as it loads such a file
 * (paths.ResolveRelativePaths, v2.13); we do the same on the raw (not yet canonical) forms:
 *
 *   services.*.build (string) / build.context / build.additional_contexts.*   unless remote
 *   services.*.env_file (string, list of strings, list of {path})            services.*.label_file
 *   services.*.extends.file     services.*.develop.watch.*.path
 *   services.*.volumes.*        bind sources: short `./src:/dst`, long `{type: bind, source}`
 *   configs.*.file  secrets.*.file     volumes.* with driver local, `o: bind` and a relative device
 *
 * `~` paths are left as written (they do not depend on the file's directory). Values keep the origin
 * of the scalar they were written as; inputs are not modified (changed containers are copied, without
their merge tags: tags of an extended or included file do not apply outside it).
 */
import * as path from 'path';
import { cloneWithOrigins } from '../model/origin';
import type { ComposeDict } from '../model/project';
import { type Dict, isDict, setOwn } from '../util/dict';

/** A relative local path resolved against `dir`; anything else unchanged. */
function absPath(dir: string, p: unknown): unknown {
  if (typeof p !== 'string' || p === '' || p.startsWith('~') || path.isAbsolute(p) || isWindowsAbsolute(p)) return p;
  return path.join(dir, p);
}
function isWindowsAbsolute(p: string): boolean {
  return /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\');
}
/** Build contexts may be URLs or other images rather than directories. */
function isRemoteContext(p: string): boolean {
  return p.includes('://') || p.startsWith('github.com/') || p.startsWith('git@');
}
function absContext(dir: string, p: unknown): unknown {
  return typeof p === 'string' && isRemoteContext(p) ? p : absPath(dir, p);
}

/**
 * Apply `f` to container[key] and return the container (copied, origins kept) when the value
 * changes; the container itself otherwise.
 */
function update<C extends Dict | unknown[]>(c: C, key: string | number, f: (v: unknown) => unknown): C {
  const v = (c as Record<string | number, unknown>)[key];
  const n = f(v);
  if (n === v) return c;
  const out = cloneWithOrigins(c);
  setOwn(out, key, n);
  return out;
}
function eachKey<C extends Dict | unknown[]>(c: C, f: (v: unknown) => unknown): C {
  let out = c;
  const keys = Array.isArray(c) ? c.map((_, i) => i) : Object.keys(c);
  for (const k of keys) out = update(out, k, f);
  return out;
}
const inDict =
  (f: (d: Dict) => Dict) =>
  (v: unknown): unknown =>
    isDict(v) ? f(v) : v;
const inList =
  (f: (item: unknown) => unknown) =>
  (v: unknown): unknown =>
    Array.isArray(v) ? eachKey(v, f) : v;

function resolveBuild(dir: string, build: unknown): unknown {
  if (typeof build === 'string') return absContext(dir, build);
  if (!isDict(build)) return build;
  let out = update(build, 'context', (c) => absContext(dir, c));
  out = update(out, 'additional_contexts', (ac) => {
    if (isDict(ac)) return eachKey(ac, (c) => absContext(dir, c));
    // list form: name=path
    return inList((e) => {
      if (typeof e !== 'string' || !e.includes('=')) return e;
      const at = e.indexOf('=');
      const resolved = absContext(dir, e.slice(at + 1));
      return resolved === e.slice(at + 1) ? e : `${e.slice(0, at + 1)}${resolved as string}`;
    })(ac);
  });
  return out;
}

function resolveFileList(dir: string, v: unknown): unknown {
  if (typeof v === 'string') return absPath(dir, v);
  return inList((e) => (isDict(e) ? update(e, 'path', (p) => absPath(dir, p)) : absPath(dir, e)))(v);
}

function resolveVolumeMount(dir: string, v: unknown): unknown {
  if (typeof v === 'string') {
    if (!v.startsWith('.')) return v; // a named volume, an absolute path or ~
    const colon = v.indexOf(':');
    const source = colon < 0 ? v : v.slice(0, colon);
    return `${absPath(dir, source) as string}${colon < 0 ? '' : v.slice(colon)}`;
  }
  if (isDict(v) && v.type === 'bind') return update(v, 'source', (s) => absPath(dir, s));
  return v;
}

function resolveService(dir: string, svc: Dict): Dict {
  let out = update(svc, 'build', (b) => resolveBuild(dir, b));
  out = update(out, 'env_file', (v) => resolveFileList(dir, v));
  out = update(out, 'label_file', (v) => resolveFileList(dir, v));
  out = update(
    out,
    'extends',
    inDict((e) => update(e, 'file', (f) => absPath(dir, f))),
  );
  out = update(
    out,
    'volumes',
    inList((m) => resolveVolumeMount(dir, m)),
  );
  out = update(
    out,
    'develop',
    inDict((d) => update(d, 'watch', inList(inDict((w) => update(w, 'path', (p) => absPath(dir, p)))))),
  );
  return out;
}

function resolveLocalBindDevice(dir: string, vol: Dict): Dict {
  if (vol.driver !== 'local') return vol;
  return update(
    vol,
    'driver_opts',
    inDict((o) => (o.o === 'bind' ? update(o, 'device', (d) => absPath(dir, d)) : o)),
  );
}

/** One service definition written in a file of directory `dir`, with its relative paths made absolute. */
export function resolveServicePaths(service: ComposeDict, dir: string): ComposeDict {
  return resolveService(dir, service);
}

/** A whole model written in directory `dir`, with its relative paths made absolute. */
export function resolveModelPaths(model: ComposeDict, dir: string): ComposeDict {
  let out = update(
    model,
    'services',
    inDict((s) =>
      eachKey(
        s,
        inDict((svc) => resolveService(dir, svc)),
      ),
    ),
  );
  for (const kind of ['configs', 'secrets']) {
    out = update(
      out,
      kind,
      inDict((all) =>
        eachKey(
          all,
          inDict((r) => update(r, 'file', (f) => absPath(dir, f))),
        ),
      ),
    );
  }
  out = update(
    out,
    'volumes',
    inDict((all) =>
      eachKey(
        all,
        inDict((v) => resolveLocalBindDevice(dir, v)),
      ),
    ),
  );
  return out;
}
