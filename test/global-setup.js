/**
 * Before any test file runs: type-check everything (`npm run typecheck`: src, rules, scripts, test)
 * and rebuild dist/ when a source is newer than it (CLI tests run the built binary). Either failing
 * stops the run: a type error fails `npm test`, and no test runs against a half-emitted build.
 * The build goes first: bin/ and scripts/ require dist/, and the type check reads its declarations.
 * The type check is `tsc -b`: when no input is newer than its build info (and the last check passed)
 * it is skipped in about a second of CPU; plain incremental `tsc -p` re-parsed every file (7 s of CPU).
 */
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..');
const built = path.join(root, 'dist', 'src', 'cli', 'main.js');
/** What the build reads; a folder's own mtime changes when a file in it is deleted or renamed. */
const BUILD_INPUTS = ['src', 'rules', 'schemas', 'scripts', 'tsconfig.json', 'tsconfig.build.json', 'package.json'];

/** @param {string} p @returns {number} newest mtime (ms) of p and, for a folder, everything under it */
function newestMtime(p) {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const e of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, e)));
  return newest;
}

/** @param {string} script @returns {Promise<string | undefined>} why `npm run <script>` failed, or undefined */
function npmRun(script) {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script], { cwd: root, stdio: 'inherit' });
    child.on('error', (e) => resolve(`npm run ${script}: ${e.message}`));
    child.on('exit', (code, signal) => resolve(code === 0 ? undefined : `npm run ${script} failed (${signal ?? `exit code ${code}`})`));
  });
}

module.exports = async () => {
  const stale = !fs.existsSync(built) || fs.statSync(built).mtimeMs < Math.max(...BUILD_INPUTS.map((p) => newestMtime(path.join(root, p))));
  const failed = (stale && (await npmRun('build'))) || (await npmRun('typecheck'));
  if (failed) throw new Error(`global-setup: ${failed}`);
  // Tests make thousands of temporary project trees: put them under one folder for this run, which
  // test/global-teardown.js removes (workers inherit the environment, and os.tmpdir() reads TMPDIR).
  process.env.TMPDIR = fs.mkdtempSync(path.join(os.tmpdir(), 'compose-lint-jest-'));
};
