/** The project environment: env files (the default `.env` or `--env-file`s) under the OS environment. */
import * as path from 'path';
import { LoadContext, LoadError } from './context';
import { describeFsError, readSource, NO_SUCH_FILE } from './read';
import { displayPath } from '../util/display-path';
import { probePath, rawEnv } from './inputs';
import { envFromFiles, DotenvError, unclosedQuote } from './dotenv';

export interface EnvOptions {
  osEnv: Record<string, string>;
  /** Explicit --env-file paths (absolute); they replace the default `.env`. */
  envFiles?: string[];
  /** Where the default `.env` is looked up. */
  projectDir: string;
  /**
   * The directory `docker compose` was started from (the cwd, or `--project-directory`): its
   * `.env` is read before the files are chosen, and wins over the project directory's.
   */
  launchDir?: string;
  /** Only these variables are wanted (the planner needs two): the rest of the environment is not copied. */
  only?: readonly string[];
}

/**
 * The project environment: the OS environment over the env files. Without `--env-file`, the
 * default `.env` of the launch directory, then that of the project directory when it differs:
 * compose v2 reads both (`WithDotEnv` before and after choosing the files), the first read winning.
 * COMPOSE_DISABLE_ENV_FILE skips the default `.env`. Throws LoadError for a missing `--env-file`
 * or a malformed env file (with its line).
 */
export function projectEnvironment(ctx: LoadContext, o: EnvOptions): Record<string, string> {
  let files = o.envFiles;
  if (!files || files.length === 0) {
    const disabled = truthy(o.osEnv.COMPOSE_DISABLE_ENV_FILE);
    // envFromFiles lets a later file win: the launch directory's `.env` goes last.
    const dirs = [...new Set([o.projectDir, o.launchDir ?? o.projectDir])];
    files = disabled ? [] : dirs.map(defaultDotenv).filter((f): f is string => f !== undefined);
  } else {
    for (const f of files) {
      if (probePath(f) === 'absent') throw new LoadError(`${displayPath(ctx.cwd, f)}: ${NO_SUCH_FILE}`);
    }
  }
  const sources = files.map((f) => {
    try {
      return { path: f, text: readSource(ctx, f, 'dotenv').text };
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      throw err instanceof LoadError ? err : new LoadError(`${displayPath(ctx.cwd, f)}: ${describeFsError(err)}`);
    }
  });
  try {
    const fromFiles = envFromFiles(sources, o.osEnv);
    const os = rawEnv(o.osEnv);
    if (!o.only) return { ...fromFiles, ...os };
    const picked: Record<string, string> = {};
    for (const k of o.only) if (Object.hasOwn(os, k) || Object.hasOwn(fromFiles, k)) picked[k] = Object.hasOwn(os, k) ? os[k] : fromFiles[k];
    return picked;
  } catch (e) {
    if (!(e instanceof DotenvError)) throw e;
    // Which file failed: parse them one by one to name it.
    for (const s of sources) {
      try {
        envFromFiles([s], o.osEnv);
      } catch (inner) {
        const err = inner as DotenvError;
        const open = unclosedQuote(s.text, err);
        // compose-go counts lines to where the file ends; the mistake is where the quote opens.
        if (open) throw new LoadError(`${displayPath(ctx.cwd, s.path)}:${open.line}:${open.column}: ${open.message}`);
        throw new LoadError(`${displayPath(ctx.cwd, s.path)}${err.line ? `:${err.line}` : ''}: ${stripLinePrefix(err.message)}`);
      }
    }
    throw new LoadError((e as Error).message);
  }
}

/**
 * `<dir>/.env` when something other than a directory is there: compose-go reads any `.env` os.Stat
 * finds, so a FIFO or an entry it cannot stat (EACCES) fails to read with a one-line error. When
 * `dir` is no directory (`-f compose.yaml/x`) the compose file's own read says what is wrong.
 */
function defaultDotenv(dir: string): string | undefined {
  const f = path.join(dir, '.env');
  const kind = probePath(f);
  if (kind === 'unreadable') return probePath(dir) === 'dir' ? f : undefined;
  return kind !== 'absent' && kind !== 'dir' ? f : undefined;
}

function stripLinePrefix(m: string): string {
  return m.replace(/^line \d+: /, '');
}

export function truthy(v: string | undefined): boolean {
  return v !== undefined && /^(1|t|true)$/i.test(v.trim());
}
