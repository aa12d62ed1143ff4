#!/usr/bin/env node
// Benchmark: wall time and peak memory of `compose-lint` on generated files (scripts/gen-compose.mjs).
// Targets: 1000 services <= 0.35 s, 10 000 services <= 3 s and <= 400 MB, 50 services <= 2.2x `node -e 0`.
// Usage: npm run bench [-- --runs N]
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..');
const bin = path.join(root, 'bin', 'compose-lint.js');
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compose-lint-bench-'));
const rssProbe = path.join(dir, 'rss.js');
// Preloaded into the measured process: records its peak RSS when it exits.
fs.writeFileSync(rssProbe, "process.on('exit', () => require('fs').writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)));\n");

/** @param {number} n @param {boolean} dirty */
function generate(n, dirty) {
  const file = path.join(dir, `compose-${n}${dirty ? '-dirty' : ''}.yaml`);
  const r = spawnSync(process.execPath, [path.join(__dirname, 'gen-compose.mjs'), String(n), ...(dirty ? ['--dirty'] : [])], { maxBuffer: 1 << 30 });
  fs.writeFileSync(file, r.stdout);
  return file;
}

/** @param {string[]} args */
function measure(args) {
  const times = [];
  let rss = 0;
  const rssFile = path.join(dir, 'rss.txt');
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['-r', rssProbe, ...args], { env: { PATH: process.env.PATH, BENCH_RSS_FILE: rssFile }, maxBuffer: 1 << 30 });
    times.push(Number(process.hrtime.bigint() - t0) / 1e9);
    if (r.status === 2 || r.error) throw new Error(`run failed: ${r.stderr.toString()}`);
    rss = Math.max(rss, Number(fs.readFileSync(rssFile, 'utf8')) / 1024);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], min: times[0], rssMB: rss };
}

const baseline = measure(['-e', '0']);
console.log(`node -e 0: ${(baseline.median * 1000).toFixed(0)} ms median over ${runs} runs`);
const rows = [];
for (const [n, dirty] of /** @type {[number, boolean][]} */ ([[50, false], [1000, false], [1000, true], [10000, false], [10000, true]])) {
  const file = generate(n, dirty);
  const m = measure([bin, file, '--format', 'json', '-o', path.join(dir, 'out.json')]);
  const target = n === 50 ? `<= ${(baseline.median * 2.2 * 1000).toFixed(0)} ms (2.2x node -e 0)` : n === 1000 ? '<= 350 ms' : '<= 3000 ms, <= 400 MB';
  const ok = n === 50 ? m.median <= baseline.median * 2.2 : n === 1000 ? m.median <= 0.35 : m.median <= 3 && m.rssMB <= 400;
  rows.push({ services: n, dirty, ms: Math.round(m.median * 1000), minMs: Math.round(m.min * 1000), peakMB: Math.round(m.rssMB), target, met: ok ? 'yes' : 'NO' });
}
console.table(rows);
fs.rmSync(dir, { recursive: true, force: true });
