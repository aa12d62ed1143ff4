/**
 * Per-environment overlays: `docker-compose.prod.yml` beside `docker-compose.yml`, used as
 * `docker compose -f docker-compose.yml -f docker-compose.prod.yml`. Named alone (the pre-commit
 * hook passes only the changed files), such a file is linted with its base when it cannot stand
 * alone, as users run it: a service lacks image and build, or a service names a network, volume,
 * secret, config or service that only the base defines (Compose refuses such a file alone:
 * "service refers to undefined network"). A complete alternative file (every service has an image
 * or a build, and what it names it defines) is still linted alone.
 */
import * as path from 'path';
import { BASE_NAMES, OVERRIDE_NAMES, isComposeFileName, isFile } from './discover';
import { isDict } from '../util/dict';
import { MAX_FILE_BYTES, readRegularFile, sourceText } from './read';
import type { ComposeDict } from '../model/project';
import { type Reference, resourceReferences, serviceReferences } from '../model/references';
import { dependsOn } from '../model/service';

/**
 * The base file an overlay `file` is used with: for a compose-named file (isComposeFileName) that
 * is neither a base nor an override name, the base file of its directory, preferring one of the
 * same family (`docker-compose.prod.yml` -> `docker-compose.yml`, `compose.prod.yaml` ->
 * `compose.yaml`), else the one compose-go discovers first. Undefined when there is none.
 */
export function overlayBase(file: string): string | undefined {
  const name = path.basename(file);
  if (!isComposeFileName(name) || BASE_NAMES.includes(name) || OVERRIDE_NAMES.includes(name)) return undefined;
  const dir = path.dirname(file);
  const bases = BASE_NAMES.filter((n) => isFile(path.join(dir, n)));
  const family = name.startsWith('docker-') ? 'docker-' : '';
  const base = bases.find((n) => n.startsWith('docker-') === (family !== '')) ?? bases[0];
  return base ? path.join(dir, base) : undefined;
}

/**
 * Why a compose file cannot make a project on its own, or undefined when it can: it needs
 * services, each with an `image`, a `build` or an `extends` (which may bring them), unless it
 * `include`s other files; and what its services name (networks, volumes, secrets, configs,
 * services) must be defined in it, when `base` (the file it would be paired with) defines it. A
 * file that does not parse stands alone: linted alone, the loader reports why it cannot be read.
 * A name neither file defines does not pair them: that file is wrong either way.
 */
export function whyNotAlone(file: string, base?: string): string | undefined {
  const doc = readYaml(file);
  if (doc === null) return 'it holds nothing but comments';
  if (!isDict(doc) || doc.include !== undefined) return undefined;
  const services = doc.services;
  if (!isDict(services) || Object.keys(services).length === 0) return 'it defines no services of its own';
  const partial = Object.entries(services).find(([, s]) => !(isDict(s) && (s.image !== undefined || s.build !== undefined || s.extends !== undefined)));
  if (partial) return `service "${partial[0]}" has neither image nor build`;
  const missing = undefinedNames(doc, services);
  if (!missing.length || !base) return undefined;
  const baseDoc = readYaml(base);
  if (!isDict(baseDoc)) return undefined;
  const found = missing.find((m) => isDict(baseDoc[m.key]) && has(baseDoc[m.key] as object, m.ref.name));
  return found && `service "${found.service}" ${found.ref.via ?? 'uses'} ${found.ref.kind} "${found.ref.name}", which only ${path.basename(base)} defines`;
}

const has = (m: object, k: string): boolean => Object.prototype.hasOwnProperty.call(m, k);

/** The YAML of a file, raw (not interpolated); null for a file of comments only, undefined when it cannot be read or parsed. */
export function readYaml(file: string): unknown {
  // Only for a file named alone (an overlay, a library for extends): load the YAML library here, not at start-up of every run.
  const { parse } = require('yaml') as typeof import('yaml');
  try {
    // Through the loader's reader: a FIFO or a huge file is declined here as it would be when loaded.
    return parse(sourceText(readRegularFile(file, MAX_FILE_BYTES)), { merge: true, uniqueKeys: false }) ?? null;
  } catch {
    return undefined;
  }
}

/** What the services of a file name that the file does not define, each with the top-level key that would define it. */
function undefinedNames(doc: Record<string, unknown>, services: Record<string, unknown>): { service: string; key: string; ref: Reference }[] {
  const declared = (key: string): object => ({ ...(key === 'networks' ? { default: null } : {}), ...(isDict(doc[key]) ? doc[key] : {}) });
  const out: { service: string; key: string; ref: Reference }[] = [];
  for (const [service, svc] of Object.entries(services) as [string, ComposeDict][]) {
    resourceReferences(svc, (key, ref) => {
      if (!has(declared(key), ref.name)) out.push({ service, key, ref });
    });
    serviceReferences(svc, dependsOn(svc), (ref) => {
      if (!has(services, ref.name)) out.push({ service, key: 'services', ref });
    });
  }
  return out;
}
