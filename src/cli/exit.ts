/** Exit codes and a way to finish without cutting piped output short. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_FATAL = 2;

/** Write and let Node exit on its own once stdout drains (never process.exit() before that). */
export function writeOut(text: string): void {
  if (text) process.stdout.write(text);
}

/** One line on stderr: `compose-lint: <message>`. */
export function fail(message: string): void {
  process.stderr.write(`compose-lint: ${message.split('\n')[0]}\n`);
  process.exitCode = EXIT_FATAL;
}

/** Errors that carry a message for users; any other is a bug in compose-lint. */
const USER_ERRORS = new Set(['LoadError', 'UnknownFormatError', 'ConfigError', 'UsageError']);

/** The one line a failed run prints after `compose-lint: `: the error's first line, marked as internal when it is a bug. */
export function fatalMessage(err: Error): string {
  const line = err.message.split('\n')[0];
  return USER_ERRORS.has(err.name) ? line : `${line} (internal error; set COMPOSE_LINT_DEBUG=1 for details)`;
}

/** Whether `err` is one of ours with a message for users (else main prints a stack with --debug). */
export function isUserError(err: Error): boolean {
  return USER_ERRORS.has(err.name);
}

/** A mistake in how the command was called: reported on one line, exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
