#!/usr/bin/env node
// Where one CLI-like run spends its time, stage by stage (wall and CPU ms), for `npm run bench -- --stages`
// or on its own: node scripts/bench-stages.js FILE [--json].
// The stages are timed by wrapping the exported functions of dist/ modules (tsc's CommonJS output calls
// them through the exports object), so the product code carries no timing of its own. A stage nested in
// another (parse inside load) is subtracted from the outer one; "start-up" is Node's own boot plus
// loading our modules. The `--debug` flag of the CLI (branch cli) reports coarser stages to users.
'use strict';
const t0 = performance.now(); // ms since the process started: Node's boot before this script
const c0 = process.cpuUsage();
const path = require('path');
const fs = require('fs');
const os = require('os');

const dist = path.resolve(__dirname, '..', 'dist');
const file = process.argv[2];
if (!file) throw new Error('usage: bench-stages.js FILE [--json]');

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
/** @type {Map<string, { wall: number, cpu: number }>} stage -> its own time (ms) */
const stages = new Map();
/** @type {{ stage: string, innerWall: number, innerCpu: number }[]} the stages running now, outermost first */
const stack = [];
/** @param {string} name @param {number} wall @param {number} cpu */
function add(name, wall, cpu) {
  const s = stages.get(name) ?? { wall: 0, cpu: 0 };
  s.wall += wall;
  s.cpu += cpu;
  stages.set(name, s);
}
/**
 * Time every outermost call of `mod[fn]` as `stage`; time spent in inner stages is moved to them.
 * @param {string} modPath @param {string} fn @param {string} stage
 */
function wrap(modPath, fn, stage) {
  const mod = require(path.join(dist, modPath));
  const inner = mod[fn];
  /** @this {unknown} @param {unknown[]} args */
  mod[fn] = function timed(...args) {
    if (stack.some((f) => f.stage === stage)) return inner.apply(this, args); // recursion: counted once
    const frame = { stage, innerWall: 0, innerCpu: 0 };
    stack.push(frame);
    const w = performance.now();
    const c = cpuMs();
    try {
      return inner.apply(this, args);
    } finally {
      stack.pop();
      const dw = performance.now() - w,
        dc = cpuMs() - c;
      add(stage, dw - frame.innerWall, dc - frame.innerCpu);
      const parent = stack[stack.length - 1]; // grandparents already exclude the parent's total
      if (parent) {
        parent.innerWall += dw;
        parent.innerCpu += dc;
      }
    }
  };
}

let w = performance.now();
let c = cpuMs();
// The V8 flags the binary sets (src/cli/boot.ts), when this build has them; the bundle itself is not
// used here (its modules cannot be wrapped), so "load modules" is the cost without bundle and code cache.
const boot = path.join(dist, 'src/cli/boot.js');
if (fs.existsSync(boot)) {
  const flags = require(boot);
  require('v8').setFlagsFromString(`--interrupt-budget=${flags.INTERRUPT_BUDGET_KB * 1024}`);
}
const api = require(path.join(dist, 'src/api.js'));
const { loadFormatter } = require(path.join(dist, 'src/report/index.js'));
add('start-up: node boot', t0, (c0.user + c0.system) / 1000);
add('start-up: load modules', performance.now() - w, cpuMs() - c);

wrap('src/schema/validator.js', 'getValidator', 'schema: load validator');
wrap('src/load/read.js', 'readSource', 'read file');
wrap('src/load/parse.js', 'parseYaml', 'parse YAML');
wrap('src/load/interpolate.js', 'interpolateTree', 'interpolate');
wrap('src/load/typecast.js', 'castTypes', 'cast types');
wrap('src/load/merge.js', 'mergeDicts', 'merge');
wrap('src/load/extends.js', 'applyExtends', 'include/extends');
wrap('src/load/include.js', 'applyIncludes', 'include/extends');
wrap('src/schema/validate.js', 'validateCompose', 'schema: validate');
wrap('src/schema/ports.js', 'validatePortSyntax', 'schema: ports/units');
wrap('src/schema/units.js', 'validateUnits', 'schema: ports/units');
wrap('src/schema/images.js', 'validateImageReferences', 'schema: ports/units'); // and image references
wrap('src/load/project.js', 'loadProject', 'load: other steps');
wrap('src/graph/build.js', 'buildGraph', 'graph');
wrap('src/engine/run.js', 'runRules', 'rules');

w = performance.now();
c = cpuMs();
const format = loadFormatter('json');
const result = api.lintSync({ targets: [file], config: false });
add('lint: config/plan/suppressions', performance.now() - w, cpuMs() - c);
w = performance.now();
c = cpuMs();
fs.writeFileSync(path.join(os.tmpdir(), `compose-lint-stages-${process.pid}.json`), format(result.findings, { cwd: process.cwd(), version: '0', rules: [], color: false, files: result.files }));
fs.rmSync(path.join(os.tmpdir(), `compose-lint-stages-${process.pid}.json`));
add('report (json)', performance.now() - w, cpuMs() - c);
// The lint stage above includes every wrapped stage: keep only its own remainder.
const lint = /** @type {{ wall: number, cpu: number }} */ (stages.get('lint: config/plan/suppressions'));
for (const [name, s] of stages) {
  if (name.startsWith('start-up') || name === 'report (json)' || s === lint) continue;
  lint.wall -= s.wall;
  lint.cpu -= s.cpu;
}
const total = { wall: performance.now(), cpu: cpuMs() };
const rows = [...stages].map(([stage, s]) => ({ stage, wallMs: Math.round(s.wall), cpuMs: Math.round(s.cpu) }));
rows.push({ stage: 'total (in process)', wallMs: Math.round(total.wall), cpuMs: Math.round(total.cpu) });
if (process.argv.includes('--json')) process.stdout.write(JSON.stringify({ findings: result.findings.length, rows }));
else console.table(rows);
