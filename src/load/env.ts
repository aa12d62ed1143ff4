/** The project environment: env files (the default `.env` or `--env-file`s) under the OS environment. */
import * as fs from 'fs';
import * as path from 'path';
import { LoadContext, LoadError } from './context';
import { describeFsError, readSource, NO_SUCH_FILE } from './read';
import { displayPath } from '../util/display-path';
import { envFromFiles, DotenvError, unclosedQuote } from './dotenv';

export interface EnvOptions {
  osEnv: Record<string, string>;
  /** Explicit --env-file paths (absolute); they replace the default `.env`. */
  envFiles?: string[];
  /** Where the default `.env` is looked up. */
  projectDir: string;
}

/** OS env always wins over env files; COMPOSE_DISABLE_ENV_FILE skips the default `.env`. */
export function projectEnvironment(ctx: LoadContext, o: EnvOptions): Record<string, string> {
  let files = o.envFiles;
  if (!files || files.length === 0) {
    const dflt = path.join(o.projectDir, '.env');
    const disabled = truthy(o.osEnv.COMPOSE_DISABLE_ENV_FILE);
    files = !disabled && fs.existsSync(dflt) && !fs.statSync(dflt).isDirectory() ? [dflt] : [];
  } else {
    for (const f of files) {
      if (!fs.existsSync(f)) throw new LoadError(`${displayPath(ctx.cwd, f)}: ${NO_SUCH_FILE}`);
    }
  }
  const sources = files.map((f) => {
    try {
      return { path: f, text: readSource(ctx, f).text };
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      throw err instanceof LoadError ? err : new LoadError(`${displayPath(ctx.cwd, f)}: ${describeFsError(err)}`);
    }
  });
  try {
    return { ...envFromFiles(sources, o.osEnv), ...o.osEnv };
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

function stripLinePrefix(m: string): string {
  return m.replace(/^line \d+: /, '');
}

export function truthy(v: string | undefined): boolean {
  return v !== undefined && /^(1|t|true)$/i.test(v.trim());
}
