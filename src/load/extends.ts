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
import { isDict } from '../util/dict';

type Dict = Record<string, unknown>;
const hasOwn = (m: object, k: string): boolean => Object.prototype.hasOwnProperty.call(m, k);

/** Resolve every `extends` of the file `fileAbs` (whose model is `dict`). `dict` is not modified. */
export function applyExtends(ctx: LoadContext, dict: ComposeDict, fileAbs: string, env: Record<string, string>): ComposeDict {
  const services = dict.services;
  if (!isDict(services)) return dict;
  const resolver = new ExtendsResolver(ctx, env);
  let outServices: Dict | undefined;
  for (const name of Object.keys(services)) {
    const resolved = resolver.resolve(fileAbs, services, name, []);
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

/** Returned up the chain when a cycle was found (and reported) below. */
const CYCLE = Symbol('extends cycle');

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

  resolve(file: string, services: Dict, name: string, chain: ChainLink[]): unknown {
    const memo = this.resolved.get(file);
    if (memo?.has(name)) return memo.get(name);
    const result = this.resolveUncached(file, services, name, chain);
    // Services on (or leading into) a cycle have memoized their fallback; the top of the walk takes it.
    if (result === CYCLE) return chain.length ? CYCLE : this.resolved.get(file)?.get(name);
    this.remember(file, name, result);
    return result;
  }

  private remember(file: string, name: string, value: unknown): void {
    let memo = this.resolved.get(file);
    if (!memo) this.resolved.set(file, (memo = new Map<string, unknown>()));
    memo.set(name, value);
  }

  private resolveUncached(file: string, services: Dict, name: string, chain: ChainLink[]): unknown {
    const svc = services[name];
    if (!isDict(svc) || !hasOwn(svc, 'extends')) return svc;
    const ref = readRef(svc);
    if (ref.service === undefined) return withoutExtends(svc); // the schema reports the shape

    const baseFile = ref.file === undefined ? file : path.resolve(path.dirname(file), ref.file);
    const loaded = baseFile === file ? { services } : this.servicesOf(baseFile);
    if ('error' in loaded) {
      this.report(`service "${name}" cannot extend "${ref.service}": ${loaded.error}`, ref.fileAt ?? ref.serviceAt, name);
      return withoutExtends(svc);
    }
    const baseServices = loaded.services;
    if (!hasOwn(baseServices, ref.service)) {
      const where = baseFile === file ? '' : ` in ${displayPath(this.ctx.cwd, baseFile)}`;
      this.ctx.problems.push({
        rule: 'undefined-reference',
        severity: 'error',
        message: `service "${name}" extends undefined service "${ref.service}"${where}`,
        origin: ref.serviceAt,
        service: name,
        value: ref.service,
      });
      return withoutExtends(svc);
    }

    const link: ChainLink = { file, name, at: ref.serviceAt };
    const cycleStart = chain.findIndex((l) => l.file === baseFile && l.name === ref.service);
    if (cycleStart >= 0) {
      this.reportCycle([...chain.slice(cycleStart), link], { file: baseFile, name: ref.service });
      this.remember(file, name, withoutExtends(svc));
      return CYCLE;
    }
    const base = this.resolve(baseFile, baseServices, ref.service, [...chain, link]);
    if (base === CYCLE) {
      this.remember(file, name, withoutExtends(svc));
      return CYCLE;
    }
    if (!isDict(base)) return withoutExtends(svc);

    const fromElsewhere = path.dirname(baseFile) !== path.dirname(file);
    // The base's own merge tags were spent on its own merge: they must not act again here.
    const inherited = cloneWithOrigins(fromElsewhere ? resolveServicePaths(base, path.dirname(baseFile)) : base);
    const merged = mergeService(inherited, svc);
    delete merged.extends;
    setSelfOrigin(merged, selfOrigin(svc));
    return merged;
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
