#!/usr/bin/env node
/**
 * Regenerates the `config` golden files in fixtures/config/ (see its README). Run it after an
 * intended output change, then review the diff: the test compares exact bytes and never writes
 * these files itself.
 *
 *   node scripts/update-config-golden.js
 */
'use strict';
const fs = require('fs');
const path = require('path');
require('./ts-require');

const root = path.join(__dirname, '..');
const { configCases, renderCase } = require(path.join(root, 'test', 'config-cases.ts'));

for (const c of configCases()) {
  const out = renderCase(c);
  const file = path.join(c.dir, c.golden);
  const before = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
  fs.writeFileSync(file, out);
  console.log(`${before === out ? 'unchanged' : 'updated  '} ${path.relative(root, file)}`);
}
