/** Options every project-loading command shares, and their translation to LintOptions. */
import { FileTooLarge, MAX_FILE_BYTES, readCapped } from '../load/read';
import { decodeText, isUtf16, textEncoding } from '../load/encoding';
import { UsageError } from './exit';
import { Command, Option } from 'commander';
import type { LintOptions } from '../api';

export interface ProjectFlags {
  file?: string[];
  projectName?: string;
  projectDirectory?: string;
  envFile?: string[];
  profile?: string[];
}

const collect = (v: string, prev: string[] | undefined): string[] => [...(prev ?? []), v];

export function addProjectOptions(cmd: Command): Command {
  return cmd
    .option('-f, --file <path>', 'compose file (repeatable; disables discovery)', collect)
    .option('-p, --project-name <name>', 'project name')
    .option('--project-directory <dir>', "project directory (default: the first file's directory)")
    .option('--env-file <path>', 'env file (repeatable; replaces the default .env)', collect)
    .addOption(new Option('--profile <name>', 'activate a profile (repeatable)').argParser(collect));
}

/** The file descriptor `readStdin` reads: 0, unless `main` was given another (`CliIo.stdinFd`). */
let stdinFd = 0;

/** Run `fn` with `readStdin` reading descriptor `fd`; the previous descriptor is back afterwards. */
export function withStdinFd<T>(fd: number, fn: () => T): T {
  const previous = stdinFd;
  stdinFd = fd;
  try {
    return fn();
  } finally {
    stdinFd = previous;
  }
}

/**
 * Standard input as text, capped like any file (MAX_FILE_BYTES): UTF-8, or UTF-16 after its byte
 * order mark (as Docker Compose reads `-f -`, see load/encoding.ts).
 * @throws UsageError with a one-line reason past the cap
 */
export function readStdin(): string {
  try {
    const buf = readCapped(stdinFd, MAX_FILE_BYTES);
    return isUtf16(textEncoding(buf)) ? decodeText(buf) : buf.toString('utf8');
  } catch (e) {
    if (e instanceof FileTooLarge) throw new UsageError(`<stdin>: ${e.message}`);
    throw e;
  }
}

export function toLintOptions(flags: ProjectFlags, targets: string[] = []): LintOptions {
  const usesStdin = targets.includes('-') || (flags.file ?? []).includes('-');
  return {
    cwd: process.cwd(),
    targets,
    files: flags.file,
    projectName: flags.projectName,
    projectDirectory: flags.projectDirectory,
    envFiles: flags.envFile,
    profiles: flags.profile,
    env: process.env as Record<string, string>,
    stdin: usesStdin ? readStdin() : undefined,
  };
}
