#!/usr/bin/env node
/**
 * Regenerates the formatter golden files in fixtures/report/ from fixtures/report/input.json.
 * Run it after an intended output change, then review the diff: the tests compare exact bytes
 * and never write these files themselves.
 *
 *   node scripts/update-golden.js
 */
'use strict';
const fs = require('fs');
const path = require('path');
require('./ts-require');

const root = path.join(__dirname, '..');
const dir = path.join(root, 'fixtures', 'report');
const { loadFormatter } = /** @type {typeof import('../src/report/index')} */ (require(path.join(root, 'src', 'report', 'index.ts')));
/** @type {{ context: import('../src/report/types').FormatContext, findings: import('../src/types').Finding[] }} */
const input = JSON.parse(fs.readFileSync(path.join(dir, 'input.json'), 'utf8'));
/** @type {{ format: string, color?: boolean, golden: string }[]} */
const cases = JSON.parse(fs.readFileSync(path.join(dir, 'cases.json'), 'utf8'));

for (const c of cases) {
  const ctx = { ...input.context, color: Boolean(c.color) };
  const out = loadFormatter(c.format)(input.findings, ctx);
  const file = path.join(dir, c.golden);
  const before = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
  fs.writeFileSync(file, out);
  console.log(`${before === out ? 'unchanged' : 'updated  '} ${path.relative(root, file)}`);
}
