#!/usr/bin/env node
// Corpus check: every compose file in ../shared/corpus loads without a crash and without a false
// `yaml-syntax`, `schema` or `load-error` finding. Files that belong together are linted together.
// Prints every finding per rule so the network rules' results on real projects can be reviewed.
// Usage: npm run test:corpus [-- --corpus DIR] [-- --verbose]
'use strict';
const fs = require('fs');
const path = require('path');
const { lintSync } = require('../dist/src/api.js');

const argv = process.argv.slice(2);
const corpusArg = argv.indexOf('--corpus');
const corpus = path.resolve(corpusArg >= 0 ? argv[corpusArg + 1] : path.join(__dirname, '..', '..', 'shared', 'corpus'));
const verbose = argv.includes('--verbose');
if (!fs.existsSync(corpus)) {
  console.log(`corpus not found at ${corpus}: nothing to check`);
  process.exit(0);
}

/** Files meant to be used together with `-f a -f b` (paths relative to the corpus). */
const GROUPS = [['docker-jitsi-meet/docker-compose.yml', 'docker-jitsi-meet/jibri.yml']];

/**
 * Findings of the loader rules that are real: Docker Compose v2 refuses these files as they stand.
 * Key: `<file>:<rule>` -> why it is right to report it.
 */
/** @type {Record<string, string>} */
const EXPECTED_LOADER_FINDINGS = {
  'posthog/docker-compose.hobby.yml:load-error':
    'every service extends docker-compose.base.yml, which the corpus does not include: `docker compose` fails the same way',
  'immich/docker/docker-compose.yml:load-error':
    '`env_file: .env` is required, and the corpus holds only example.env (users copy it to .env first): `docker compose` fails the same way here',
  'self-hosted-ai-starter-kit/docker-compose.yml:load-error':
    '`env_file: .env` is required, and the corpus holds only .env.example (users copy it to .env first): `docker compose` fails the same way here',
  'f4rx_microservices/hw_19/docker-compose.yml:schema':
    'a Compose v1 file (services at the top level, no `services:` key); Docker Compose v2 rejects it',
};

const ENV_NAMES = ['.env', '.env.example', 'example.env', 'env.example', '.env.dist'];
const isCompose = (/** @type {string} */ n) => /\.(ya?ml)$/.test(n) && !/^\.pre-commit|^\.gitlab|^\.github/.test(n);

/** @param {string} dir @param {string[]} out */
function walk(dir, out = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (isCompose(e.name)) out.push(p);
  }
  return out;
}

/** The env file a user would use for this directory: `.env`, else the example copied to `.env`. */
/** @param {string} dir */
function envFileFor(dir) {
  for (const n of ENV_NAMES) if (fs.existsSync(path.join(dir, n))) return path.join(dir, n);
  return undefined;
}

function plan() {
  const files = walk(corpus);
  const grouped = new Set(GROUPS.flat().map((f) => path.join(corpus, f)));
  const runs = GROUPS.map((g) => g.map((f) => path.join(corpus, f)));
  for (const f of files) {
    if (grouped.has(f)) continue;
    if (/override\.ya?ml$/.test(f)) continue; // linted with its base below
    const override = ['docker-compose.override.yml', 'compose.override.yaml'].map((n) => path.join(path.dirname(f), n)).find((o) => fs.existsSync(o));
    const isBase = /(^|\/)(docker-)?compose\.ya?ml$/.test(f);
    // Files only included by another one are still linted alone: they must stand on their own too.
    runs.push(isBase && override ? [f, override] : [f]);
  }
  return runs;
}

const LOADER_RULES = new Set(['yaml-syntax', 'schema', 'load-error']);
let failures = 0;
/** @type {Map<string, Set<string>>} */
const byRule = new Map();
let projects = 0;
for (const files of plan()) {
  const dir = path.dirname(files[0]);
  const envFile = envFileFor(dir);
  let result;
  try {
    result = lintSync({ cwd: corpus, files, envFiles: envFile ? [envFile] : undefined, env: { PATH: process.env.PATH || '' } });
  } catch (e) {
    failures++;
    console.log(`CRASH ${files.map((f) => path.relative(corpus, f)).join(' + ')}: ${e instanceof Error ? e.stack : String(e)}`);
    continue;
  }
  projects++;
  for (const f of result.findings) {
    const key = `${f.file}:${f.rule}`;
    const line = `${f.file}:${f.line}:${f.column}: ${f.severity}: ${f.message} [${f.rule}]`;
    if (LOADER_RULES.has(f.rule) && !EXPECTED_LOADER_FINDINGS[key]) {
      failures++;
      console.log(`UNEXPECTED ${line}`);
    }
    let lines = byRule.get(f.rule);
    if (!lines) byRule.set(f.rule, (lines = new Set()));
    lines.add(line);
  }
}

console.log(`\n${projects} projects linted from ${corpus}`);
for (const [rule, lines] of [...byRule].sort()) {
  console.log(`${rule}: ${lines.size} finding(s)`);
  if (verbose || !['interpolation', 'obsolete-version'].includes(rule)) for (const l of [...lines].sort()) console.log(`  ${l}`);
}
if (failures) {
  console.log(`\n${failures} failure(s)`);
  process.exitCode = 1;
} else console.log('\ncorpus check passed');
