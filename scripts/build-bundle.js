#!/usr/bin/env node
// `npm run build:bundle` (part of `npm run build`, after tsc): the CLI as one CommonJS file,
// dist/src/cli/bundle.js, which src/cli/boot.ts loads with a V8 code cache (start-up, issue 13).
// Bundles tsc's output, so the bundle runs exactly the code the tests run. Lazy `require`s stay lazy
// (esbuild wraps each module in an initializer called at the first require). ajv and yaml stay
// outside: they load only on uncommon paths (config files, YAML the fast reader declines). The standalone
// schema validator (dist/schema, written by compile-schema.js before this step) goes in: about a third
// of the bundle, and the largest single piece of code a run compiles.
'use strict';
const path = require('path');
const fs = require('fs');
const { spawnSync } = require('child_process');

const root = path.resolve(__dirname, '..');
const outfile = path.join(root, 'dist', 'src', 'cli', 'bundle.js');
const { BUNDLE_WRAPPER } = require(path.join(root, 'dist', 'src', 'cli', 'boot.js'));
let esbuild;
try {
  esbuild = require('esbuild');
} catch {
  // An install without dev dependencies: the CLI then requires the modules one by one.
  console.warn('build-bundle: esbuild is not installed; no bundle (start-up is slower, nothing else changes)');
  process.exit(0);
}
for (const f of fs.readdirSync(path.dirname(outfile))) if (f.startsWith('bundle.js')) fs.rmSync(path.join(path.dirname(outfile), f)); // old bundle and code caches
/**
 * commander requires node:child_process when it loads, for subcommands that are separate programs
 * (we have none), and that module with what it pulls in cost 10-25 ms of every run's start-up
 * (issue 13). Inside the bundle, commander gets a stand-in that loads it at the first spawn.
 * @type {import('esbuild').Plugin}
 */
const lazyChildProcessForCommander = {
  name: 'lazy-child-process-for-commander',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) => (/[\\/]commander[\\/]/.test(args.importer) ? { path: 'lazy-child-process', namespace: 'lazy' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({ contents: "exports.spawn = (...args) => require('child_process').spawn(...args);", loader: 'js' }));
  },
};
const t = Date.now();
esbuild
  .build({
    entryPoints: [path.join(root, 'dist', 'src', 'cli', 'main.js')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['yaml', 'ajv/dist/2020', 'ajv/dist/standalone'],
    // `ajv` itself stays outside, but not its subpaths (an `external` entry would take them too): the
    // standalone validator's runtime helpers (ajv/dist/runtime/*) are small and needed by every run.
    plugins: [{ name: 'ajv-main-external', setup: (b) => b.onResolve({ filter: /^ajv$/ }, () => ({ path: 'ajv', external: true })) }, lazyChildProcessForCommander],
    // The module wrapper is part of the file, so boot.ts compiles the text as read (no 1.4 MB copy per run).
    banner: { js: BUNDLE_WRAPPER },
    footer: { js: '})' },
    charset: 'ascii', // (esbuild's default) boot.ts reads an ASCII bundle as latin1: checked below
    logLevel: 'warning',
  })
  .then(
    () => {
      const text = fs.readFileSync(outfile, 'latin1');
      const at = [...text].findIndex((c) => c.charCodeAt(0) > 0x7f);
      if (at >= 0) {
        // esbuild escapes strings and identifiers, not regular expression literals: write such a character as \uXXXX.
        console.error(
          `build-bundle: ${path.relative(root, outfile)}:${text.slice(0, at).split('\n').length}: a non-ASCII character; boot.ts reads the bundle as ASCII (escape it in the source as \\uXXXX)`,
        );
        fs.rmSync(outfile);
        process.exitCode = 1;
        return;
      }
      console.log(`build-bundle: wrote ${path.relative(root, outfile)} (${Math.round(text.length / 1024)} KiB) in ${Date.now() - t} ms`);
      trainCodeCache();
    },
    () => (process.exitCode = 1), // esbuild has printed why
  );

/**
 * The code cache holds the functions compiled by the run that wrote it (src/cli/boot.ts), so the
 * first run after a build decides what every later run skips compiling: a `--help` first left the
 * whole lint path out (about 976 KB of cache against 145 KB, and 50-60 ms more per lint run, issue
 * 13). The build therefore lints a real project (fixtures/reddit) through the binary, which writes the
 * cache for this Node; another Node writes its own at its first run, as before.
 */
function trainCodeCache() {
  const project = path.join(root, 'fixtures', 'reddit');
  if (!fs.existsSync(project)) return;
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'compose-lint.js'), project, '--no-config'], { cwd: root, stdio: 'ignore' });
  const cache = fs.readdirSync(path.dirname(outfile)).find((f) => f.startsWith('bundle.js.') && f.endsWith('.v8cache'));
  if (r.status !== 0 && r.status !== 1) console.warn(`build-bundle: the training run exited with ${r.status}; no code cache yet (the first run writes one)`);
  else if (cache) console.log(`build-bundle: wrote the code cache ${cache} (${Math.round(fs.statSync(path.join(path.dirname(outfile), cache)).size / 1024)} KiB)`);
}
