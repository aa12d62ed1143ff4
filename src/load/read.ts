/** Reading files with clear one-line errors: missing, a directory, unreadable, binary, too large. */
import * as fs from 'fs';
import { LoadContext, LoadError } from './context';
import { SourceFile, makeSource } from '../model/source';
import { displayPath } from '../util/display-path';

/** Larger compose files are refused rather than parsed for minutes. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** Read a text file once per load; throws LoadError with a one-line reason. */
export function readSource(ctx: LoadContext, abs: string): SourceFile {
  const cached = ctx.sources.get(abs);
  if (cached) return cached;
  const shown = displayPath(ctx.cwd, abs);
  let text: string;
  if (abs === '-') {
    text = ctx.stdin ?? '';
  } else {
    let buf: Buffer;
    try {
      const st = fs.statSync(abs);
      if (st.isDirectory()) throw new LoadError(`${shown}: is a directory, not a compose file`);
      if (st.size > MAX_FILE_BYTES) throw new LoadError(`${shown}: file is ${st.size} bytes; files over ${MAX_FILE_BYTES} bytes are refused`);
      buf = fs.readFileSync(abs);
    } catch (e) {
      if (e instanceof LoadError) throw e;
      throw new LoadError(`${shown}: ${describeFsError(e as NodeJS.ErrnoException)}`);
    }
    if (buf.includes(0)) throw new LoadError(`${shown}: binary file (contains NUL bytes), not a compose file`);
    text = buf.toString('utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // BOM
  }
  const src = makeSource(shown, text);
  ctx.sources.set(abs, src);
  return src;
}

/** The one wording for a missing file of any kind (compose file, env file, config file, target). */
export const NO_SUCH_FILE = 'no such file or directory';

export function describeFsError(e: NodeJS.ErrnoException): string {
  switch (e.code) {
    case 'ENOENT':
      return NO_SUCH_FILE;
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    default:
      return e.message.split('\n')[0];
  }
}
