/**
 * Per-environment overlays: `docker-compose.prod.yml` beside `docker-compose.yml`, used as
 * `docker compose -f docker-compose.yml -f docker-compose.prod.yml`. Named alone (the pre-commit
 * hook passes only the changed files), such a file is linted with its base when it cannot stand
 * alone, as users run it; a complete alternative file (every service has an image or a build) is
 * still linted alone.
 */
import * as path from 'path';
import { BASE_NAMES, OVERRIDE_NAMES, isComposeFileName, isFile } from './discover';
import { isDict } from '../util/dict';
import { MAX_FILE_BYTES, readRegularFile, sourceText } from './read';

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
 * `include`s other files. A file that does not parse stands alone: linted alone, the loader
 * reports why it cannot be read.
 */
export function whyNotAlone(file: string): string | undefined {
  // Only for a per-environment file named alone: load the YAML library here, not at start-up of every run.
  const { parse } = require('yaml') as typeof import('yaml');
  let doc: unknown;
  try {
    // Through the loader's reader: a FIFO or a huge file is declined here as it would be when loaded.
    doc = parse(sourceText(readRegularFile(file, MAX_FILE_BYTES)), { merge: true, uniqueKeys: false });
  } catch {
    return undefined;
  }
  if (doc === null || doc === undefined) return 'it holds nothing but comments';
  if (!isDict(doc) || doc.include !== undefined) return undefined;
  const services = doc.services;
  if (!isDict(services) || Object.keys(services).length === 0) return 'it defines no services of its own';
  const partial = Object.entries(services).find(([, s]) => !(isDict(s) && (s.image !== undefined || s.build !== undefined || s.extends !== undefined)));
  return partial ? `service "${partial[0]}" has neither image nor build` : undefined;
}
