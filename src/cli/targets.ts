/** Targets on the command line that are not something to lint: said before any work, with a hint. */
import * as fs from 'fs';
import { isGlobPattern } from '../util/glob';
import { closestMatch } from '../schema/suggest';
import { UsageError } from './exit';
import { describeFsError } from '../load/read';

/** The subcommands, for "did you mean `compose-lint config`?" on a mistyped one. */
export const COMMANDS = ['config', 'graph', 'rules', 'explain', 'init', 'help'];

/**
 * Throws a UsageError for the first target that is neither a file nor a directory:
 * `<target>: no such file or directory` (plus the command it resembles, when it looks like a
 * mistyped subcommand), or `<target>: not a file or directory` for a socket or device (a pipe, as from `<(...)`, is read).
 * A quoted glob that names no file as written passes: the planner expands it (load/targets.ts).
 */
export function checkTargets(targets: readonly string[]): void {
  for (const t of targets) {
    if (t === '-') continue;
    let st: fs.Stats | undefined;
    try {
      st = fs.statSync(t, { throwIfNoEntry: false });
    } catch (e) {
      throw new UsageError(`${t}: ${describeFsError(e as NodeJS.ErrnoException)}`); // EACCES, ELOOP, ENOTDIR
    }
    if (!st && isGlobPattern(t)) continue; // a quoted glob: expanded (or refused) when the projects are planned
    if (!st) {
      const command = t.includes('/') || t.includes('.') ? undefined : closestMatch(t, COMMANDS);
      throw new UsageError(`${t}: no such file or directory${command ? ` (did you mean \`compose-lint ${command}\`?)` : ''}`);
    }
    if (!st.isFile() && !st.isDirectory() && !st.isFIFO()) throw new UsageError(`${t}: not a file or directory`);
  }
}
