/**
 * `services.*.extends`, as compose-go resolves it (loader/extends.go, v2.13):
 *   - `extends: base` or `extends: {service: base}` takes `base` from the same file (including the
 *     services the file included); `extends: {service: base, file: other.yml}` loads other.yml
 *     (relative to the extending file's directory) with the same environment, without its
 *     includes, and resolves its own `extends` there;
 *   - chains are followed to the end first, then the extending service is merged over its base with
 *     the multi-file merge rules (so `!reset`/`!override` written in the extending service apply);
 *     every attribute is inherited (compose-go briefly excluded depends_on/volumes_from in 2.32.0
 *     and reverted it), and `extends` itself is removed;
 *   - relative paths of a service taken from another directory are made absolute (paths.ts).
 * Problems (missing base service, unreadable file, cycles) are recorded in ctx.problems at the
 * extends value; the service then stays as written, without `extends`, and loading goes on.
 */
import * as path from 'path';
import { LoadContext, LoadError } from './context';
import { loadComposeFile } from './file';
import { cloneMapping, mergeService } from './merge';
import { resolveServicePaths } from './paths';
import { displayPath } from '../util/display-path';
import { Origin, cloneWithOrigins, originOf, selfOrigin, setSelfOrigin } from '../model/origin';
import type { ComposeDict } from '../model/project';
import { type Dict, isDict } from '../util/dict';

const hasOwn = (m: object, k: string): boolean => Object.prototype.hasOwnProperty.call(m, k);

/** Resolve every `extends` of the file `fileAbs` (whose model is `dict`). `dict` is not modified. */
export function applyExtends(ctx: LoadContext, dict: ComposeDict, fileAbs: string, env: Record<string, string>): ComposeDict {
  const services = dict.services;
  if (!isDict(services)) return dict;
  const resolver = new ExtendsResolver(ctx, env);
  let outServices: Dict | undefined;
  for (const name of Object.keys(services)) {
    const resolved = resolver.resolve(fileAbs, services, name);
    if (resolved === services[name]) continue;
    outServices ??= cloneMapping(services);
    outServices[name] = resolved;
  }
  if (!outServices) return dict;
  const out = cloneMapping(dict);
  out.services = outServices;
  return out;
}

interface ChainLink {
  file: string;
  name: string;
  /** Where this link's `extends` points at its base (for the cycle report). */
  at?: Origin;
}

const key = (file: string, name: string): string => `${file}\0${name}`;

interface ExtendsRef {
  service?: string;
  file?: string;
  serviceAt?: Origin;
  fileAt?: Origin;
}

class ExtendsResolver {
  /** Resolved services per file (the services map of the file as given, or loaded). */
  private readonly resolved = new Map<string, Map<string, unknown>>();
  /** Services maps of other files, or the reason they could not be loaded. */
  private readonly otherFiles = new Map<string, { services: Dict } | { error: string }>();

  constructor(
    private readonly ctx: LoadContext,
    private readonly env: Record<string, string>,
  ) {}

  /**
   * The service `name` of `file` with its whole `extends` chain applied. The chain is walked
   * in a loop down to a service without `extends` (or one already resolved), then merged back up,
   * so a chain thousands of services long needs no deep stack; each service is resolved once.
   */
  resolve(file: string, services: Dict, name: string): unknown {
    const walk: (ChainLink & { svc: Dict; baseFile: string })[] = [];
    const onWalk = new Map<string, number>();
    let cur = { file, services, name };
    let bottom: unknown;
    for (;;) {
      const memo = this.resolved.get(cur.file);
      if (memo?.has(cur.name)) {
        bottom = memo.get(cur.name);
        break;
      }
      const step = this.step(cur.file, cur.services, cur.name);
      if (!('base' in step)) {
        bottom = step.value;
        this.remember(cur.file, cur.name, bottom);
        break;
      }
      onWalk.set(key(cur.file, cur.name), walk.length);
      walk.push({ file: cur.file, name: cur.name, at: step.at, svc: step.svc, baseFile: step.baseFile });
      const cycleStart = onWalk.get(key(step.baseFile, step.base));
      if (cycleStart !== undefined) {
        this.reportCycle(walk.slice(cycleStart), { file: step.baseFile, name: step.base });
        // Every service on the cycle, or leading into it, stays as written without `extends`.
        for (const l of walk) this.remember(l.file, l.name, withoutExtends(l.svc));
        return this.resolved.get(file)?.get(name);
      }
      cur = { file: step.baseFile, services: step.baseServices, name: step.base };
    }
    let base = bottom;
    for (let i = walk.length - 1; i >= 0; i--) {
      const l = walk[i];
      base = isDict(base) ? this.extend(l.svc, base, l.baseFile, l.file) : withoutExtends(l.svc);
      this.remember(l.file, l.name, base);
    }
    return base;
  }

  /**
   * One link of a chain: the service's base (file, services map, name), or the service's final
   * value when it has no `extends` or its base cannot be found (reported here).
   */
  private step(file: string, services: Dict, name: string): { value: unknown } | { svc: Dict; base: string; baseFile: string; baseServices: Dict; at?: Origin } {
    const svc = services[name];
    if (!isDict(svc) || !hasOwn(svc, 'extends')) return { value: svc };
    const ref = readRef(svc);
    if (ref.service === undefined) return { value: withoutExtends(svc) }; // the schema reports the shape

    const baseFile = ref.file === undefined ? file : path.resolve(path.dirname(file), ref.file);
    const loaded = baseFile === file ? { services } : this.servicesOf(baseFile);
    if ('error' in loaded) {
      this.report(`service "${name}" cannot extend "${ref.service}": ${loaded.error}`, ref.fileAt ?? ref.serviceAt, name);
      return { value: withoutExtends(svc) };
    }
    if (!hasOwn(loaded.services, ref.service)) {
      const where = baseFile === file ? '' : ` in ${displayPath(this.ctx.cwd, baseFile)}`;
      this.ctx.problems.push({
        rule: 'undefined-reference',
        severity: 'error',
        message: `service "${name}" extends undefined service "${ref.service}"${where}`,
        origin: ref.serviceAt,
        service: name,
        value: ref.service,
      });
      return { value: withoutExtends(svc) };
    }
    return { svc, base: ref.service, baseFile, baseServices: loaded.services, at: ref.serviceAt };
  }

  /** `svc` (written in `file`) merged over its resolved base from `baseFile`, without `extends`. */
  private extend(svc: Dict, base: Dict, baseFile: string, file: string): Dict {
    const fromElsewhere = path.dirname(baseFile) !== path.dirname(file);
    // The base's own merge tags were spent on its own merge: they must not act again here.
    const inherited = cloneWithOrigins(fromElsewhere ? resolveServicePaths(base, path.dirname(baseFile)) : base);
    const merged = mergeService(inherited, svc);
    delete merged.extends;
    setSelfOrigin(merged, selfOrigin(svc));
    return merged;
  }

  private remember(file: string, name: string, value: unknown): void {
    let memo = this.resolved.get(file);
    if (!memo) this.resolved.set(file, (memo = new Map<string, unknown>()));
    memo.set(name, value);
  }

  private report(message: string, origin: Origin | undefined, service: string): void {
    this.ctx.problems.push({ rule: 'load-error', severity: 'error', message, origin, service });
  }

  /** compose-go's wording, on one line: "Circular reference: a in f extends b in f extends a in f". */
  private reportCycle(links: ChainLink[], closing: { file: string; name: string }): void {
    const shown = (l: { file: string; name: string }): string => `${l.name} in ${displayPath(this.ctx.cwd, l.file)}`;
    const steps = [...links.slice(1), closing].map((l) => `extends ${shown(l)}`);
    this.report(`Circular reference: ${[shown(links[0]), ...steps].join(' ')}`, links[0].at, links[0].name);
  }

  private servicesOf(abs: string): { services: Dict } | { error: string } {
    const cached = this.otherFiles.get(abs);
    if (cached) return cached;
    let result: { services: Dict } | { error: string };
    try {
      const model = loadComposeFile(this.ctx, abs, this.env);
      if (model === undefined) result = { error: `${displayPath(this.ctx.cwd, abs)} has YAML errors` };
      else result = { services: isDict(model.services) ? model.services : {} };
    } catch (e) {
      if (!(e instanceof LoadError)) throw e;
      result = { error: e.message };
    }
    this.otherFiles.set(abs, result);
    return result;
  }
}

function readRef(svc: Dict): ExtendsRef {
  const ext = svc.extends;
  if (typeof ext === 'string') return { service: ext, serviceAt: originOf(svc, 'extends') };
  if (!isDict(ext) || typeof ext.service !== 'string') return {};
  const ref: ExtendsRef = { service: ext.service, serviceAt: originOf(ext, 'service') };
  if (typeof ext.file === 'string') {
    ref.file = ext.file;
    ref.fileAt = originOf(ext, 'file');
  }
  return ref;
}

/** The service as written, minus the `extends` that could not be applied. */
function withoutExtends(svc: Dict): Dict {
  const out = cloneMapping(svc);
  delete out.extends;
  return out;
}
