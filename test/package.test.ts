/**
 * The published package: `npm pack --dry-run` lists exactly what runs (the build of src/ and rules/,
 * the standalone schema validator, schemas, docs, the matcher, the licence) and nothing else, so a
 * stale file left in dist/ by a removed source, or a tool build, fails here; the exports map
 * exposes the API and hides the internals.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const root = path.join(__dirname, '..');

/** Every file under dir, relative to the repository root, with '/' separators. */
function filesUnder(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    return e.isDirectory() ? filesUnder(rel) : [rel];
  });
}

/** What the package must hold, from the sources: each .ts file's .js and .d.ts, plus the fixed files. */
function expectedFiles(): string[] {
  const built = ['src', 'rules']
    .flatMap(filesUnder)
    .filter((f) => f.endsWith('.ts'))
    .flatMap((f) => [`dist/${f.slice(0, -3)}.js`, `dist/${f.slice(0, -3)}.d.ts`]);
  // The CLI bundle ships; its V8 code cache (written beside it by a local run, per Node version) does not.
  const fixed = ['LICENSE', 'README.md', 'package.json', 'bin/compose-lint.js', 'compose-lint-matcher.json', 'dist/schema/compose-spec.validate.js', 'dist/src/cli/bundle.js'];
  return [...fixed, ...built, ...filesUnder('schemas'), ...filesUnder('docs')].sort();
}

test('npm pack ships exactly the built sources, schemas, docs, matcher and licence', () => {
  // A run of the binary writes the bundle's code cache: it must stay out of the package.
  expect(spawnSync(process.execPath, [path.join(root, 'bin', 'compose-lint.js'), '--version'], { cwd: root }).status).toBe(0);
  const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
  expect(r.status).toBe(0);
  const packed = (JSON.parse(r.stdout) as { files: { path: string }[] }[])[0].files.map((f) => f.path).sort();
  const expected = expectedFiles();
  // Named lists first: "dist/rules/old-rule.js is extra" says more than a long diff.
  expect({ extra: packed.filter((f) => !expected.includes(f)), missing: expected.filter((f) => !packed.includes(f)) }).toEqual({ extra: [], missing: [] });
  expect(packed).toEqual(expected);
});

test('the exports map gives the API and the matcher, and hides internal modules', () => {
  const script = [
    "const api = require('compose-lint');",
    "console.log(typeof api.lintSync, require('compose-lint/compose-lint-matcher.json').problemMatcher.length > 0);",
    "try { require('compose-lint/dist/src/cli/main.js'); } catch (e) { console.log(e.code); }",
  ].join('\n');
  const r = spawnSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' });
  expect({ status: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual({ status: 0, stdout: 'function true\nERR_PACKAGE_PATH_NOT_EXPORTED\n', stderr: '' });
});
