#!/usr/bin/env node
// Hostile shapes: each input must finish in under 10 s CPU and 1 GB, with a clear one-line error
// where a limit is reached. Prints wall time, CPU time, peak RSS, exit code and the first line of
// stderr per shape, so a regression shows up as a number (issue 14).
// Usage: npm run bench:hostile [-- --only NAME]
'use strict';
const { spawnSync, execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..');
const bin = path.join(root, 'bin', 'compose-lint.js');
const onlyArg = process.argv.indexOf('--only');
const only = onlyArg > 0 ? process.argv[onlyArg + 1] : undefined;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compose-lint-hostile-'));
const rssProbe = path.join(dir, 'rss.js');
fs.writeFileSync(
  rssProbe,
  "process.on('exit', () => { const u = process.resourceUsage(); require('fs').writeFileSync(process.env.BENCH_RSS_FILE, JSON.stringify({ rss: u.maxRSS, cpu: (u.userCPUTime + u.systemCPUTime) / 1e6 })); });\n",
);

const CPU_LIMIT_S = 10;
const RSS_LIMIT_MB = 1024;

/**
 * Each shape: files to write into its own directory (or a setup function), the CLI arguments
 * (cwd = that directory) and extra environment variables.
 * @typedef {{ name: string, files?: Record<string, string>, setup?: (d: string) => void, env?: Record<string, string>, args: string[] }} Shape
 */
/** @type {Shape[]} */
const shapes = [
  {
    name: 'env_file is a FIFO',
    setup: (d) => {
      execFileSync('mkfifo', [path.join(d, 'pipe.env')]);
      write(d, 'compose.yaml', 'services:\n  a:\n    image: x\n    env_file: ./pipe.env\n');
    },
    args: ['compose.yaml'],
  },
  {
    name: 'ignore: ** x12 against a 60-deep path',
    setup: (d) => {
      const deep = 'a/'.repeat(60);
      write(d, '.compose-lint.yaml', `ignore:\n  - "${'**/'.repeat(12)}x.yaml"\n`);
      fs.mkdirSync(path.join(d, deep), { recursive: true });
      write(d, `${deep}compose.yaml`, 'services:\n  a:\n    image: x\n');
    },
    args: ['a/'.repeat(60) + 'compose.yaml'],
  },
  { name: 'env_file is /dev/zero', files: { 'compose.yaml': 'services:\n  a:\n    image: x\n    env_file: /dev/zero\n' }, args: ['compose.yaml'] },
  { name: 'include of /dev/zero', files: { 'compose.yaml': 'include:\n  - /dev/zero\nservices:\n  a:\n    image: x\n' }, args: ['compose.yaml'] },
  { name: '-f /dev/zero', files: {}, args: ['-f', '/dev/zero'] },
  { name: '--env-file /dev/zero', files: { 'compose.yaml': 'services:\n  a:\n    image: x\n' }, args: ['--env-file', '/dev/zero', 'compose.yaml'] },
  { name: '${A:-x} x3000 in one value', files: { 'compose.yaml': `services:\n  a:\n    image: x\n    environment:\n      K: "${'${A:-x}'.repeat(3000)}"\n` }, args: ['compose.yaml'] },
  {
    name: '${A:-...} nested 1750 deep',
    files: { 'compose.yaml': `services:\n  a:\n    image: x\n    environment:\n      K: "${'${A:-'.repeat(1750)}x${'}'.repeat(1750)}"\n` },
    args: ['compose.yaml'],
  },
  { name: 'extends chain of 2400 services', files: { 'compose.yaml': extendsChain(2400) }, args: ['compose.yaml'] },
  { name: 'include diamonds, 20 levels', setup: (d) => includeDiamonds(d, 20), args: ['compose.yaml'] },
  { name: '6300 services name a missing host', files: { 'compose.yaml': services(6300, () => '    environment:\n      DB_HOST: db\n') }, args: ['compose.yaml'] },
  { name: 'port range 0-65535:0-65535 (x3)', files: { 'compose.yaml': services(3, () => '    ports: ["0-65535:0-65535"]\n') }, args: ['compose.yaml'] },
  { name: '5000 services publish 80:80', files: { 'compose.yaml': services(5000, () => '    ports: ["80:80"]\n') }, args: ['compose.yaml'] },
  {
    // ipam-address compared every subnet with every earlier one: 135 s at 8,000 networks (issue 13).
    name: '8000 networks, a subnet each (and one overlap)',
    files: {
      'compose.yaml':
        services(8000, (i) => `    networks: [n${i}]\n`) +
        `networks:\n${Array.from({ length: 8000 }, (_, i) => `  n${i}:\n    ipam:\n      config:\n        - subnet: 10.${i >> 8}.${i === 7999 ? 0 : i & 255}.0/24\n`).join('')}`,
    },
    args: ['compose.yaml'],
  },
  { name: '6300 services name distinct near-miss hosts', files: { 'compose.yaml': services(6300, (i) => `    environment:\n      DB_HOST: s${i}x\n`) }, args: ['compose.yaml'] },
  { name: '100k ${A} uses, A set', files: { 'compose.yaml': `services:\n  a:\n    image: x\n    environment:\n      K: "${'${A}'.repeat(100000)}"\n` }, env: { A: 'v' }, args: ['compose.yaml'] },
  {
    name: '100k ${A} uses, A unset (stylish)',
    files: { 'compose.yaml': `services:\n  a:\n    image: x\n    environment:\n      K: "${'${A}'.repeat(100000)}"\n` },
    args: ['compose.yaml', '--format', 'stylish'],
  },
  {
    name: '200k ${A} uses, A unset (stylish)',
    files: { 'compose.yaml': `services:\n  a:\n    image: x\n    environment:\n      K: "${'${A}'.repeat(200000)}"\n` },
    args: ['compose.yaml', '--format', 'stylish'],
  },
  // A slash after the colons: `/:[^/]*$/` then backtracks from every colon (the datastore check runs beside a public service).
  { name: 'image of 100k colons', files: { 'compose.yaml': `services:\n  web:\n    image: nginx\n    ports: ["80:80"]\n  a:\n    image: "x${':'.repeat(100000)}/"\n` }, args: ['compose.yaml'] },
  {
    name: '30k suppression comments, 30k findings',
    files: { 'compose.yaml': `services:\n  a:\n    image: x\n    environment:\n${Array.from({ length: 30000 }, (_, i) => `      K${i}: \${A} # compose-lint-disable-line interpolation\n`).join('')}` },
    args: ['compose.yaml', '--report-unused-disable-directives'],
  },
  { name: 'message of 200k spaces (stylish)', files: { 'compose.yaml': `services:\n  a:\n    image: x\n    depends_on: ["${' '.repeat(200000)}b"]\n` }, args: ['compose.yaml', '--format', 'stylish'] },
];

/** @param {string} d @param {string} name @param {string} text */
function write(d, name, text) {
  fs.writeFileSync(path.join(d, name), text);
}

/** @param {number} n @param {(i: number) => string} extra */
function services(n, extra) {
  let s = 'services:\n';
  for (let i = 0; i < n; i++) s += `  s${i}:\n    image: app\n${extra(i)}`;
  return s;
}

/** @param {number} n */
function extendsChain(n) {
  let s = 'services:\n  s0:\n    image: app\n';
  for (let i = 1; i < n; i++) s += `  s${i}:\n    extends: s${i - 1}\n`;
  return s;
}

/** Level k includes level k+1 twice (through two files): 2^levels paths to the bottom file. */
/** @param {string} d @param {number} levels */
function includeDiamonds(d, levels) {
  write(d, 'compose.yaml', 'include:\n  - l0a.yaml\n  - l0b.yaml\nservices:\n  top:\n    image: app\n');
  for (let k = 0; k < levels; k++) {
    const next = k + 1 < levels ? `include:\n  - l${k + 1}a.yaml\n  - l${k + 1}b.yaml\n` : 'services:\n  bottom:\n    image: app\n';
    write(d, `l${k}a.yaml`, next);
    write(d, `l${k}b.yaml`, next);
  }
}

const rows = [];
for (const shape of shapes) {
  if (only && !shape.name.includes(only)) continue;
  const d = fs.mkdtempSync(path.join(dir, 'shape-'));
  if (shape.setup) shape.setup(d);
  for (const [name, text] of Object.entries(shape.files ?? {})) write(d, name, text);
  const rssFile = path.join(d, 'usage.json');
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['-r', rssProbe, '--', bin, ...shape.args], {
    cwd: d,
    env: { PATH: process.env.PATH, BENCH_RSS_FILE: rssFile, ...(shape.env ?? {}) },
    maxBuffer: 1 << 30,
    timeout: 60_000,
    killSignal: 'SIGKILL',
  });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const usage = fs.existsSync(rssFile) ? JSON.parse(fs.readFileSync(rssFile, 'utf8')) : undefined;
  const cpu = usage ? usage.cpu : NaN;
  const rssMB = usage ? usage.rss / 1024 : NaN;
  const stderr = String(r.stderr ?? '')
    .split('\n')[0]
    .slice(0, 100);
  const ok = usage !== undefined && cpu <= CPU_LIMIT_S && rssMB <= RSS_LIMIT_MB && !/internal error|Maximum call stack/i.test(String(r.stderr));
  rows.push({
    shape: shape.name,
    wallS: wall.toFixed(2),
    cpuS: Number.isNaN(cpu) ? 'killed' : cpu.toFixed(2),
    peakMB: Number.isNaN(rssMB) ? '-' : Math.round(rssMB),
    exit: r.status ?? r.signal,
    ok: ok ? 'PASS' : 'FAIL',
    stderr,
  });
}
console.table(rows);
fs.rmSync(dir, { recursive: true, force: true });
if (rows.some((r) => r.ok !== 'PASS')) process.exitCode = 1;
