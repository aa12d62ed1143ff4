/**
 * pre-commit end to end: a throwaway git repo whose .pre-commit-config.yaml uses this checkout
 * (at its committed HEAD) as the hook repository. pre-commit clones that commit and installs it
 * with npm (`language: node`), so this checks the committed .pre-commit-hooks.yaml, the package's
 * build on install and the CLI's exit codes together. Needs the npm registry for the install.
 *
 * pre-commit must be on PATH: `.ci/setup` installs it (Debian's package); this test installs
 * nothing. Without it the test fails under CI (CI set) and is skipped with a warning elsewhere.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const repoRoot = path.join(__dirname, '..', '..');
const INSTALL_TIMEOUT_MS = 10 * 60 * 1000;

const available = spawnSync('pre-commit', ['--version'], { stdio: 'ignore' }).status === 0;
const MISSING = "pre-commit is not on PATH: run .ci/setup (it installs Debian's pre-commit package)";
if (!available && process.env.CI) {
  test('pre-commit is installed', () => {
    throw new Error(MISSING);
  });
} else if (!available) {
  console.warn(`e2e pre-commit test skipped: ${MISSING}`);
}
const maybe = available ? describe : describe.skip;

/** A bad compose file: obsolete top-level `version` and an unclosed flow sequence. */
const BAD = 'version: "3.8"\nservices:\n  web:\n    image: [nginx\n';
const GOOD = 'services:\n  web:\n    image: nginx:1.27\n';

maybe('pre-commit hook from this checkout', () => {
  let work: string;
  const env = {
    ...process.env,
    // Keeps hook environments away from the user's cache; reused across runs of the same commit.
    PRE_COMMIT_HOME: path.join(os.tmpdir(), 'compose-lint-pre-commit-home'),
    GIT_AUTHOR_NAME: 'test',
    GIT_AUTHOR_EMAIL: 'test@example.invalid',
    GIT_COMMITTER_NAME: 'test',
    GIT_COMMITTER_EMAIL: 'test@example.invalid',
    NO_COLOR: '1',
  };
  const git = (...args: string[]) => execFileSync('git', args, { cwd: work, env, encoding: 'utf8' });
  const preCommit = (...args: string[]) => spawnSync('pre-commit', ['run', '--color', 'never', ...args], { cwd: work, env, encoding: 'utf8', timeout: INSTALL_TIMEOUT_MS });

  beforeAll(() => {
    const rev = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'compose-lint-pre-commit-'));
    fs.mkdirSync(path.join(work, 'bad'));
    fs.mkdirSync(path.join(work, 'good'));
    fs.writeFileSync(path.join(work, 'bad', 'docker-compose.yml'), BAD);
    fs.writeFileSync(path.join(work, 'good', 'compose.yaml'), GOOD);
    fs.writeFileSync(path.join(work, 'notes.yml'), 'not: a compose file\n');
    fs.writeFileSync(path.join(work, '.pre-commit-config.yaml'), `repos:\n  - repo: ${JSON.stringify(repoRoot)}\n    rev: ${rev}\n    hooks:\n      - id: compose-lint\n`);
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'fixture');
  });
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  test(
    'fails on the bad compose file, naming its problems',
    () => {
      const started = Date.now();
      const r = preCommit('--files', 'bad/docker-compose.yml');
      // The first run builds the hook environment (npm install + build of this commit).
      console.log(`pre-commit run on the bad file took ${((Date.now() - started) / 1000).toFixed(1)}s`);
      const out = `${r.stdout}${r.stderr}`;
      expect({ status: r.status, out }).toEqual({ status: 1, out: expect.stringMatching(/^compose-lint\.+Failed$/m) });
      expect(out).toMatch(/- exit code: 1$/m);
      expect(out).toContain('bad/docker-compose.yml');
      expect(out).toContain('yaml-syntax');
    },
    INSTALL_TIMEOUT_MS,
  );

  test(
    'passes on the good compose file',
    () => {
      const r = preCommit('--files', 'good/compose.yaml');
      expect({ status: r.status, out: `${r.stdout}${r.stderr}` }).toEqual({ status: 0, out: expect.stringMatching(/^compose-lint\.+Passed$/m) });
    },
    INSTALL_TIMEOUT_MS,
  );

  test('skips files its `files` pattern does not match', () => {
    const r = preCommit('--files', 'notes.yml');
    expect({ status: r.status, out: r.stdout }).toEqual({ status: 0, out: expect.stringMatching(/^compose-lint\.+\(no files to check\)Skipped$/m) });
  });
});
