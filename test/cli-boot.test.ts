/**
 * Start-up through the bundle (src/cli/boot.ts, scripts/build-bundle.js): the bundle gives the same
 * bytes and exit code as the modules one by one, its V8 code cache is written on the first run and
 * replaced when unusable, and a bundle older than the tsc output is not used.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadBundle } from '../src/cli/boot';

const root = path.resolve(__dirname, '..');
const BIN = path.join(root, 'bin', 'compose-lint.js');
const CLI_DIR = path.join(root, 'dist', 'src', 'cli');
const BUNDLE = path.join(CLI_DIR, 'bundle.js');
const COMPOSE = 'version: "3"\nservices:\n  web:\n    imagee: nginx\n    image: ${USERNAME}/ui:1.0\n    ports: ["80:80"]\n  db:\n    image: postgres\n';

function project(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compose-lint-boot-'));
  fs.writeFileSync(path.join(dir, 'compose.yaml'), COMPOSE);
  return dir;
}

/** Run `node script args` in cwd; script is the real bin or an inline program. */
function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, args, { cwd, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' }, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const cacheFiles = (): string[] => fs.readdirSync(CLI_DIR).filter((f) => f.startsWith('bundle.js.') && f.endsWith('.v8cache'));

describe('the CLI bundle', () => {
  test('the build wrote it', () => {
    expect(fs.existsSync(BUNDLE)).toBe(true);
  });

  test('prints the same bytes and exits the same as the modules loaded one by one', () => {
    const cwd = project();
    const viaModules = run(['-e', `require(${JSON.stringify(path.join(CLI_DIR, 'main.js'))}).main([process.argv[0], 'compose-lint', ...process.argv.slice(1)])`, '--', '--format', 'json'], cwd);
    const viaBundle = run([BIN, '--format', 'json'], cwd);
    expect(viaModules.code).toBe(1);
    expect(JSON.parse(viaModules.stdout).length).toBeGreaterThan(2);
    expect(viaBundle).toEqual(viaModules);
  });

  test('the first run writes a code cache for this Node; an unusable one is replaced, and the run is unaffected', () => {
    const cwd = project();
    const expected = run([BIN, '--format', 'compact'], cwd);
    const mine = cacheFiles().filter((f) => f.includes(`.${process.version}-${process.arch}-`));
    expect(mine).toHaveLength(1);
    const cache = path.join(CLI_DIR, mine[0]);
    fs.writeFileSync(cache, 'not a V8 code cache');
    expect(run([BIN, '--format', 'compact'], cwd)).toEqual(expected);
    const rewritten = fs.readFileSync(cache);
    expect(rewritten.length).toBeGreaterThan(1000);
    expect(rewritten.toString('latin1')).not.toBe('not a V8 code cache');
  });

  test('a clean file loads neither the YAML library nor ajv (both are for uncommon paths; either adds 30+ ms to every run)', () => {
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'compose-lint-lazy-'));
    fs.writeFileSync(path.join(cwd, 'compose.yaml'), 'services:\n  web:\n    image: nginx:1.27\n    networks: [front]\nnetworks:\n  front: {}\n');
    // Run the real binary, then list what Node loaded from node_modules (require.cache) as it exits.
    const probe = `process.on('exit', () => process.stderr.write(Object.keys(require.cache).filter((f) => f.includes('node_modules')).map((f) => f.split('node_modules/')[1].split('/')[0]).filter((v, i, a) => a.indexOf(v) === i).sort().join(',') + '\\n')); process.argv = [process.argv[0], ${JSON.stringify(BIN)}, '--format', 'compact']; require(${JSON.stringify(BIN)});`;
    const r = run(['-e', probe], cwd);
    expect(r).toEqual({ code: 0, stdout: '', stderr: '\n' }); // everything else it needs is in the bundle
  });

  test('a clean file with the report going to a file loads none of the Node modules only some runs need (crypto, os, net)', () => {
    // Each costs 0.5-5 ms of start-up: crypto is for --cache, os for --concurrency auto and `config`,
    // net for subnets and for a piped stdout (not touched here: the report goes to a file).
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'compose-lint-lazy-'));
    fs.writeFileSync(path.join(cwd, 'compose.yaml'), 'services:\n  web:\n    image: nginx:1.27\n    ports: ["127.0.0.1:8080:80"]\n');
    // Preloaded (not `-e`, which loads more itself); it writes the list to a file (stderr is a pipe, which loads net).
    fs.writeFileSync(
      path.join(cwd, 'probe.js'),
      "process.on('exit', () => require('fs').writeFileSync('loaded.txt', process.moduleLoadList.filter((m) => /^NativeModule (crypto|os|net)$/.test(m)).join(',')));\n",
    );
    expect(run(['-r', './probe.js', BIN, '-o', 'report.txt'], cwd)).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(fs.readFileSync(path.join(cwd, 'report.txt'), 'utf8')).toBe('');
    expect(fs.readFileSync(path.join(cwd, 'loaded.txt'), 'utf8')).toBe('');
  });

  test('a bundle older than main.js (tsc ran, the bundle step did not) is not used', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compose-lint-stale-'));
    fs.copyFileSync(BUNDLE, path.join(dir, 'bundle.js'));
    fs.writeFileSync(path.join(dir, 'main.js'), '');
    const past = new Date(Date.now() - 60_000);
    fs.utimesSync(path.join(dir, 'bundle.js'), past, past);
    expect(loadBundle(path.join(dir, 'bundle.js'))).toBeUndefined();
    expect(loadBundle(path.join(dir, 'missing.js'))).toBeUndefined();
  });
});
