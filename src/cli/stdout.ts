/** Standard output for the CLI and for replayed runs: made at its first use, quiet when the reader goes away. */
import { EXIT_FATAL } from './exit';

/**
 * Stop quietly when the reader of stdout stops early (`| head` closes the pipe), as other Unix tools
 * do; any other write error ends the run with exit 2 and one line. The handler attaches when the run
 * first uses stdout (whenStdoutOpens). Returns the function to call when the run is over.
 */
export function watchStdoutErrors(): () => void {
  return whenStdoutOpens((stdout) =>
    stdout.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') process.stderr.write(`compose-lint: cannot write the output: ${e.message}\n`);
      process.exit(e.code === 'EPIPE' ? (process.exitCode ?? 0) : EXIT_FATAL);
    }),
  );
}

/**
 * Call `attach` with process.stdout when the run first uses it, not before: Node makes the stream
 * at the first access, and for a pipe that loads `net` and the stream modules (about 4 ms of
 * start-up, issue 13), which a clean run (no findings, nothing printed) never needs. Returns a
 * function that puts Node's own accessor back if the run never used stdout.
 */
export function whenStdoutOpens(attach: (stdout: NodeJS.WriteStream) => void): () => void {
  const node = Object.getOwnPropertyDescriptor(process, 'stdout');
  if (!node?.get || !node.configurable) {
    attach(process.stdout);
    return () => undefined;
  }
  let opened = false;
  Object.defineProperty(process, 'stdout', {
    configurable: true,
    enumerable: node.enumerable,
    get: () => {
      Object.defineProperty(process, 'stdout', node);
      opened = true;
      const stdout = Reflect.get(process, 'stdout') as NodeJS.WriteStream; // Node's own accessor, put back above
      attach(stdout);
      return stdout;
    },
  });
  return () => {
    if (!opened) Object.defineProperty(process, 'stdout', node);
  };
}
