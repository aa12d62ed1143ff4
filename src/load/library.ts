/**
 * Libraries of services for `extends`: a file such as zabbix-docker's
 * `compose_zabbix_components.yaml` that the compose files beside it use with
 * `extends: {file: compose_zabbix_components.yaml, service: server-mysql}` and that no one runs on
 * its own. Compose loads the extended service from that file, but the networks, volumes and
 * secrets it names must be defined by the extending project, and the extending service usually
 * adds the image (compose-go loader/extends.go). Named alone (the pre-commit hook passes only the
 * changed files), such a file that cannot stand alone (overlay.ts's whyNotAlone) is linted through
 * the projects that extend it, as users run it: `docker compose -f <user>`. A library that can
 * stand alone is still linted alone.
 */
import * as path from 'path';
import { isNeighbourName } from './discover';
import { listDirectory } from './inputs';
import { readYaml, whyNotAlone } from './overlay';
import { MAX_FILE_BYTES, readRegularFile, sourceText } from './read';
import { isDict } from '../util/dict';

/**
 * The compose files in the directory of `file` (absolute) with a service that extends a service
 * of `file` (`extends.file` naming it, relative to their directory, as compose-go resolves it), as
 * absolute paths sorted by name. Candidates are the YAML files the loader looks at beside a project
 * (isNeighbourName: compose-named files and other YAML files, never dot files); each is read raw,
 * without interpolation, so an `extends.file` holding a variable is not followed. Files that cannot
 * be read or parsed use nothing.
 */
export function libraryUsers(file: string): string[] {
  const dir = path.dirname(file);
  let names: string[];
  try {
    names = listDirectory(dir)
      .filter((e) => !e.isDirectory())
      .map((e) => e.name);
  } catch {
    return [];
  }
  const base = path.basename(file);
  return names
    .filter((n) => n !== base && isNeighbourName(n))
    .map((n) => path.join(dir, n))
    .filter((abs) => mentions(abs, base) && extendsFrom(abs, file));
}

/**
 * Why `file` (a library of `users`, see libraryUsers) cannot make a project on its own, or
 * undefined when it can: whyNotAlone's reasons, where a name only a user defines is credited to
 * the first user (in `users`' order) that defines it.
 */
export function whyLibraryNotAlone(file: string, users: readonly string[]): string | undefined {
  for (const user of users) {
    const why = whyNotAlone(file, user);
    if (why) return why;
  }
  return undefined;
}

/** Whether the text of `abs` holds `extends` and the name `base`: most YAML files beside a library are not parsed. */
function mentions(abs: string, base: string): boolean {
  try {
    const text = sourceText(readRegularFile(abs, MAX_FILE_BYTES));
    return text.includes('extends') && text.includes(base);
  } catch {
    return false; // unreadable, a FIFO or too large: it extends nothing we can see
  }
}

/** Whether a service of the compose file `abs` has `extends.file` resolving to `library`. */
function extendsFrom(abs: string, library: string): boolean {
  const doc = readYaml(abs);
  if (!isDict(doc) || !isDict(doc.services)) return false;
  return Object.values(doc.services).some((svc) => {
    const ext = isDict(svc) ? svc.extends : undefined;
    return isDict(ext) && typeof ext.file === 'string' && path.resolve(path.dirname(abs), ext.file) === library;
  });
}
