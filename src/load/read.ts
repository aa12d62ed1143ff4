/** Reading files with clear one-line errors: missing, a directory, unreadable, binary, too large. */
import * as fs from 'fs';
import { LoadContext, LoadError } from './context';
import { SourceFile, makeSource } from '../model/source';
import { displayPath } from '../util/display-path';
import { noteRead, noteUnreadable, rememberBytes, snapshotBytes } from './inputs';
import { decodeText, isUtf16, looksLikeUtf16WithoutBom, textEncoding, utf16Problem } from './encoding';

/** Larger compose files are refused rather than parsed for minutes. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** Why bytes with a NUL are refused: no YAML text holds one (YAML 1.2 excludes it from its character set). */
const BINARY = 'binary file (contains NUL bytes), not a compose file';

/** What a file read by readSource holds: a compose (YAML) file, or an env file (`.env`, env_file, label_file). */
export type SourceKind = 'yaml' | 'dotenv';

/**
 * Read a text file once per load; throws LoadError with a one-line reason. A YAML file may be
 * UTF-8 or, with its byte order mark, UTF-16 (as Docker Compose reads it, see encoding.ts); an env
 * file is UTF-8 only.
 */
export function readSource(ctx: LoadContext, abs: string, kind: SourceKind = 'yaml'): SourceFile {
  const cached = ctx.sources.get(abs);
  if (cached) return cached;
  const shown = displayPath(ctx.cwd, abs);
  let text: string;
  if (abs === '-') {
    text = ctx.stdin ?? '';
    // The same one-line refusal as for a file (stdin arrives decoded: a NUL byte stays U+0000).
    if (text.includes('\0')) throw new LoadError(`${ctx.stdinShown ?? shown}: ${BINARY}`);
  } else {
    let buf: Buffer;
    try {
      buf = readRegularFile(abs, MAX_FILE_BYTES);
    } catch (e) {
      noteUnreadable(abs, unreadableReason(e));
      if (e instanceof NotRegularFile || e instanceof FileTooLarge) throw new LoadError(`${shown}: ${e.message}`);
      throw new LoadError(`${shown}: ${describeFsError(e as NodeJS.ErrnoException)}`);
    }
    noteRead(abs, buf);
    const refused = refusal(buf, kind);
    if (refused) throw new LoadError(`${shown}: ${refused}`);
    text = sourceText(buf);
  }
  const src = makeSource(shown, text, abs === '-' ? undefined : abs);
  ctx.sources.set(abs, src);
  return src;
}

/** Why bytes are no text Docker Compose reads as a file of `kind`, in one line; undefined when they are. */
function refusal(buf: Buffer, kind: SourceKind): string | undefined {
  const encoding = textEncoding(buf);
  if (isUtf16(encoding)) {
    const name = encoding === 'utf16le' ? 'UTF-16LE' : 'UTF-16BE';
    if (kind === 'dotenv') return `${name} text: Docker Compose reads env files as UTF-8 only; save it as UTF-8`;
    const problem = utf16Problem(buf, encoding as 'utf16le' | 'utf16be');
    if (problem) return `invalid ${name} text (${problem}): Docker Compose refuses it`;
    return decodeText(buf).includes('\0') ? BINARY : undefined;
  }
  if (!buf.includes(0)) return undefined;
  if (looksLikeUtf16WithoutBom(buf)) return 'UTF-16 text without a byte order mark: Docker Compose reads it as UTF-8 and refuses its NUL bytes; save it as UTF-8';
  return BINARY;
}

/** A file's bytes as the text the loader works on: UTF-8 or, after their byte order mark, UTF-16; the BOM dropped. */
export function sourceText(buf: Buffer): string {
  return decodeText(buf);
}

/** The one wording for a missing file of any kind (compose file, env file, config file, target). */
export const NO_SUCH_FILE = 'no such file or directory';

/** Thrown by readRegularFile for a directory, FIFO, socket or device; the message is the reason. */
export class NotRegularFile extends Error {}
/** Thrown by readRegularFile for a file over the cap; the message is the reason. */
export class FileTooLarge extends Error {}

/** Why readRegularFile failed, as a short stable text: the errno code, or the message of NotRegularFile / FileTooLarge. */
export function unreadableReason(e: unknown): string {
  if (e instanceof NotRegularFile || e instanceof FileTooLarge) return e.message;
  return (e as NodeJS.ErrnoException).code ?? (e as Error).message;
}

/** What a non-regular file is, in words. */
function kindOf(st: fs.Stats): string {
  if (st.isDirectory()) return 'is a directory, not a file';
  if (st.isFIFO()) return 'is a named pipe (FIFO), not a regular file';
  if (st.isSocket()) return 'is a socket, not a regular file';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'is a device, not a regular file';
  return 'is not a regular file';
}

/**
 * Read a regular file of at most `maxBytes` bytes (once per run snapshot, see inputs.ts). The file is opened without blocking (a FIFO
 * with no writer would otherwise hang the open) and checked on the open descriptor, so a path
 * swapped for a pipe or a device between a check and the read cannot slip through; at most
 * maxBytes + 1 bytes are ever read, whatever the file claims its size is.
 * @throws NotRegularFile for directories, FIFOs, sockets and devices (`/dev/zero`)
 * @throws FileTooLarge when the file holds more than maxBytes bytes
 * @throws NodeJS.ErrnoException from open/read (ENOENT, EACCES, ...)
 */
export function readRegularFile(abs: string, maxBytes: number): Buffer {
  const known = snapshotBytes(abs);
  if (known !== undefined && known.length <= maxBytes) return known;
  const buf = readRegularFileUncached(abs, maxBytes);
  rememberBytes(abs, buf);
  return buf;
}

/** readRegularFile without the run snapshot: for files that are no input of a project (the `--cache` file). Throws as readRegularFile. */
export function readRegularFileUncached(abs: string, maxBytes: number): Buffer {
  const fd = fs.openSync(abs, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) throw new NotRegularFile(kindOf(st));
    if (st.size > maxBytes) throw new FileTooLarge(tooLarge(st.size, maxBytes));
    return readCapped(fd, maxBytes, st.size);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Read a descriptor to its end, refusing more than maxBytes bytes (reads at most maxBytes + 1).
 * Used for regular files and for standard input (`cat /dev/zero | compose-lint -`); `sizeHint`
 * (bytes, a regular file's size from fstat) sizes the first read.
 * @throws FileTooLarge past maxBytes
 */
export function readCapped(fd: number, maxBytes: number, sizeHint = 0): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    // A regular file in one read of its size plus the byte that shows its end; else 1 MiB at a time.
    const chunk = Buffer.allocUnsafe(Math.min(total === 0 && sizeHint > 0 ? sizeHint + 1 : 1 << 20, maxBytes + 1 - total));
    let n: number;
    try {
      n = fs.readSync(fd, chunk, 0, chunk.length, null);
    } catch (e) {
      // A non-blocking descriptor with nothing yet (stdin from a slow writer): wait a little.
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
      continue;
    }
    if (n === 0) break;
    chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    total += n;
    if (total > maxBytes) throw new FileTooLarge(tooLarge(total, maxBytes, true));
    // A regular file read short of its size + 1 has ended: no second read to see the end.
    if (sizeHint > 0 && n < chunk.length) break;
  }
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
}

function tooLarge(size: number, max: number, atLeast = false): string {
  return `file is ${atLeast ? 'over ' + max : size} bytes; files over ${max} bytes are refused`;
}

/** Why `abs` cannot be stat'ed (describeFsError), for a path probed as `unreadable` (load/inputs.ts). */
export function statProblem(abs: string): string {
  try {
    fs.statSync(abs);
  } catch (e) {
    return describeFsError(e as NodeJS.ErrnoException);
  }
  return 'cannot be read';
}

/**
 * A file system error in a few words: `no such file or directory` (ENOENT), `a part of the path is
 * not a directory` (ENOTDIR: `app.env/x`), `permission denied` (EACCES, EPERM: the file, or a
 * directory on the way that cannot be entered), `is a directory` (EISDIR); else the first line of
 * Node's message.
 */
export function describeFsError(e: NodeJS.ErrnoException): string {
  switch (e.code) {
    case 'ENOENT':
      return NO_SUCH_FILE;
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    default:
      return e.message.split('\n')[0];
  }
}
