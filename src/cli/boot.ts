/**
 * Start-up of the `compose-lint` binary. Short runs (pre-commit hooks, editors) are dominated by
 * loading code, so the build also writes the whole CLI as one bundle (scripts/build-bundle.js:
 * dist/src/cli/bundle.js) and this loads it through `vm.Script` with a V8 code cache: the build's
 * training run (a lint of fixtures/reddit), or else the first run on another Node, writes the
 * compiled code next to the bundle, and later runs skip parsing and compiling it. Without a
 * bundle, or with one older than the tsc output (a build that skipped the bundle step), the modules
 * are required one by one as usual. Imports nothing of the CLI itself, except replay.ts for `--cache` runs.
 */
import * as fs from 'fs';
import { isAscii } from 'buffer';
import * as path from 'path';
import type * as vm from 'vm';
import { createRequire } from 'module';

/** Where the build writes the bundle: dist/src/cli, beside main.js, so `__dirname`-relative paths hold. */
export const BUNDLE_FILE = path.join(__dirname, 'bundle.js');

/**
 * V8 re-optimizes hot functions after every "interrupt budget" of executed bytecode (Node 20's
 * default: 132 KiB). A lint run is too short to profit from repeated re-optimization, so a larger
 * budget spends the CPU on the work instead. Measured with `npm run bench` (issue 13): see the
 * commit that set this value. Set before any of our code is compiled.
 */
export const INTERRUPT_BUDGET_KB = 1024;

// Not kept: `--semi-space-growth-factor=1` (the young generation kept at its first 1 MiB, fewer
// fresh pages mapped). Alternated same-machine runs (issue 13): 50 and 1,000 services unchanged
// (0.30 vs 0.31 s, 0.67 vs 0.68 s CPU), 10,000 services 3.16 s CPU with it against 2.71 s without
// (more scavenges promote more to the old generation).

/**
 * The bundle is written as one function expression taking CommonJS's module arguments (scripts/
 * build-bundle.js adds this head and `\n})` as the tail), so the loader compiles the file's text as
 * it is: wrapping it here would copy 1.4 MB into a new string on every run.
 */
export const BUNDLE_WRAPPER = '(function (exports, require, module, __filename, __dirname) {';

type Main = (argv: string[]) => void;

/** Run the CLI with `argv` (process.argv). */
export function boot(argv: string[]): void {
  // A repeated `--cache` run whose inputs are all unchanged: its recorded output, without loading the linter.
  if (argv.includes('--cache') && (require('./replay') as typeof import('./replay')).replayRun(argv)) return;
  // (v8 and vm load here, not for a replay.) Before the bundle is compiled: V8 checks a code cache against the flags it was written under
  // (at exit), so a flag set in between would have every run reject and rewrite the cache.
  (require('v8') as typeof import('v8')).setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET_KB * 1024}`);
  const main = loadBundle(BUNDLE_FILE) ?? (require('./main') as typeof import('./main')).main;
  main(argv);
}

/**
 * The bundle's `main`, compiled from the code cache when V8 accepts it (same V8 version, flags and
 * source); undefined when there is no usable bundle. The cache file's name carries the Node version,
 * the architecture and the bundle's size and mtime, so a rebuilt bundle or another Node gets its own.
 * A rejected or missing cache is (re)written when the process exits, after the run compiled the
 * functions it needed (so those are cached too); a read-only install simply runs without one.
 */
export function loadBundle(file: string): Main | undefined {
  return loadBundleExports(file)?.main as Main | undefined;
}

/** Everything the bundle exports (`main`, and `lintPlanJob` for worker threads); undefined as for loadBundle. */
export function loadBundleExports(file: string): Record<string, unknown> | undefined {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
    if (st.mtimeMs < fs.statSync(path.join(path.dirname(file), 'main.js')).mtimeMs) return undefined; // stale
  } catch {
    return undefined;
  }
  const source = readSource(fs.readFileSync(file));
  const cacheFile = `${file}.${process.version}-${process.arch}-${st.size}-${Math.floor(st.mtimeMs)}.v8cache`;
  let cachedData: Buffer | undefined;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new (require('vm') as typeof import('vm')).Script(source, { filename: file, cachedData }); // the build wrote the module wrapper (BUNDLE_WRAPPER)
  if (cachedData === undefined || script.cachedDataRejected) process.once('exit', () => writeCache(script, cacheFile));
  const mod = { exports: {} as Record<string, unknown> };
  (script.runInThisContext() as (...args: unknown[]) => void).call(mod.exports, mod.exports, createRequire(file), mod, file, path.dirname(file));
  return mod.exports;
}

/**
 * The bundle's text. The build keeps it ASCII, which latin1 decodes byte for byte; Node hands a
 * latin1 string over 1 MiB to V8 as an external string (outside the JS heap, no copy for the
 * collector to move), while UTF-8 decoding of the same 1.4 MB took 15-50 ms. Anything else
 * (a hand-edited bundle) is decoded as UTF-8.
 */
function readSource(buf: Buffer): string {
  return isAscii(buf) ? buf.toString('latin1') : buf.toString('utf8');
}

function writeCache(script: vm.Script, cacheFile: string): void {
  try {
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, script.createCachedData());
    fs.renameSync(tmp, cacheFile); // atomic: a concurrent run reads the old file or the new one
  } catch {
    // read-only install or full disk: run without a cache
  }
}
