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
    plugins: [{ name: 'ajv-main-external', setup: (b) => b.onResolve({ filter: /^ajv$/ }, () => ({ path: 'ajv', external: true })) }],
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
    },
    () => (process.exitCode = 1), // esbuild has printed why
  );
