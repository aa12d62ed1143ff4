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

/** A mistake in how the command was called: reported on one line, exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
