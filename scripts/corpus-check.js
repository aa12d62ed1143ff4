#!/usr/bin/env node
// Corpus check: every compose file in ../shared/corpus and ../shared/corpus2 loads without a crash
// and without a false `yaml-syntax`, `schema` or `load-error` finding. Each file is linted as a
// target, so it forms the project compose-lint forms for it (a base with its override, an
// override with its base, an overlay that cannot stand alone with its base, a library of services
// that cannot stand alone through the files beside it that `extends` it, the files of its
// directory's COMPOSE_FILE); files that belong together otherwise are linted together. Prints every finding per rule so the rules' results on real
// projects can be reviewed.
// It also compares the fast YAML reader with the yaml package on every YAML file of the corpora and six
// mutated variants of each (test/fast-yaml-verdict.ts, loaded from the TypeScript sources): any difference or
// crash fails, and so does the reader declining more than 5% of the files with content and without YAML errors.
// Usage: npm run test:corpus [-- --corpus DIR] [-- --verbose]
'use strict';
const fs = require('fs');
const path = require('path');
const { lintSync, planProjects } = require('../dist/src/api.js');

// A crash of the fast YAML reader throws instead of falling back (src/load/parse.ts): it is a bug to see here.
process.env.COMPOSE_LINT_FAST_YAML ??= 'strict';

const argv = process.argv.slice(2);
const corpusArg = argv.indexOf('--corpus');
const shared = path.join(__dirname, '..', '..', 'shared');
const corpora = corpusArg >= 0 ? [path.resolve(argv[corpusArg + 1])] : [path.join(shared, 'corpus'), path.join(shared, 'corpus2')];
const verbose = argv.includes('--verbose');

/**
 * Per corpus (by folder name): files meant to be used together with `-f a -f b` (relative paths),
 * as their projects' READMEs say, that the tool does not pair by itself: an overlay in another
 * directory than its base, one not named like a compose file, or several overlays at once. (An
 * overlay beside its base that cannot stand alone, such as eShopOnContainers'
 * docker-compose.prod.yml, is linted as `-f <base> -f <overlay>` when named alone: see
 * src/load/overlay.ts.) The first file of a group is still linted on its own too.
 */
/** @type {Record<string, string[][]>} */
const GROUPS = {
  corpus: [['docker-jitsi-meet/docker-compose.yml', 'docker-jitsi-meet/jibri.yml']],
  corpus2: [
    ['plausible-community-edition/docker-compose.yml', 'plausible-community-edition/reverse-proxy/docker-compose.caddy-gen.yml'],
    ['plausible-community-edition/docker-compose.yml', 'plausible-community-edition/reverse-proxy/traefik/docker-compose.traefik.yml'],
    ['rocketchat-compose/compose.yml', 'rocketchat-compose/compose.monitoring.yml', 'rocketchat-compose/docker.yml'],
    ['fabric-samples/test-network/compose/compose-test-net.yaml', 'fabric-samples/test-network/compose/compose-couch.yaml'],
    ['opentelemetry-demo/compose.yaml', 'opentelemetry-demo/compose.full.yaml', 'opentelemetry-demo/compose.observability.yaml', 'opentelemetry-demo/compose.extras.yaml'],
    // compose.agent.yaml's header: -f compose.yaml -f compose.full.yaml -f compose.observability.yaml -f compose.agent.yaml -f compose.extras.yaml
    [
      'opentelemetry-demo/compose.yaml',
      'opentelemetry-demo/compose.full.yaml',
      'opentelemetry-demo/compose.observability.yaml',
      'opentelemetry-demo/compose.agent.yaml',
      'opentelemetry-demo/compose.extras.yaml',
    ],
  ],
};

/**
 * Findings of the loader rules that are real: Docker Compose v2 refuses these files as they stand.
 * Per corpus, key `<file>:<rule>` (file relative to the corpus) -> why it is right to report it.
 */
/** @type {Record<string, Record<string, string>>} */
const EXPECTED_LOADER_FINDINGS = {
  corpus: {
    'posthog/docker-compose.hobby.yml:load-error': 'every service extends docker-compose.base.yml, which the corpus does not include: `docker compose` fails the same way',
    'immich/docker/docker-compose.yml:load-error': '`env_file: .env` is required, and the corpus holds only example.env (users copy it to .env first): `docker compose` fails the same way here',
    'self-hosted-ai-starter-kit/docker-compose.yml:load-error':
      '`env_file: .env` is required, and the corpus holds only .env.example (users copy it to .env first): `docker compose` fails the same way here',
    'f4rx_microservices/hw_19/docker-compose.yml:schema': 'a Compose v1 file (services at the top level, no `services:` key); Docker Compose v2 rejects it',
  },
  corpus2: {
    'calcom-docker/docker-compose.yaml:load-error': '`env_file: .env` is required, and the corpus holds only .env.example (users copy it to .env first): `docker compose` fails the same way here',
    'redash/compose.yaml:load-error': '`env_file: .env` is required and the corpus has no .env (users create it first): `docker compose` fails the same way here',
    'paperless-ngx/docker/compose/docker-compose.portainer.yml:load-error':
      '`env_file: stack.env` is the file Portainer writes for a stack; run by `docker compose` from the corpus it is missing and Compose refuses the project',
    'docker-sonarqube/example-compose-files/sq-dce-custom-zip-postgres/docker-compose.yml:schema':
      'a warning: search-1/search-2 mount a volume and a bind on /opt/sonarqube/logs; Compose keeps one and drops the other silently',
    'docker-sonarqube/example-compose-files/sq-dce-postgres/docker-compose.yml:schema': 'a warning: the search nodes mount two things on /opt/sonarqube/logs; Compose keeps one',
    'docker-sonarqube/example-compose-files/sq-dce-with-mcp-postgres/docker-compose.yml:schema': 'a warning: the search nodes mount two things on /opt/sonarqube/logs; Compose keeps one',
    'eShopOnContainers/src/docker-compose.prod.yml:schema':
      'the prod overlay still names ordering.backgroundtasks and basket.data, which the base renamed (ordering-backgroundtasks, basketdata): with -f docker-compose.yml -f docker-compose.prod.yml they are new services with neither image nor build, and Compose refuses the project',
    'udemy-docker-mastery/compose-assignment-2/docker-compose.yml:schema': 'an assignment placeholder with one comment line: Compose refuses an empty compose file',
    'udemy-docker-mastery/swarm-app-2/docker-compose.yml:schema': 'one comment line ("files moved to ..."): Compose refuses an empty compose file',
    'udemy-docker-mastery/swarm-stack-2/stack-with-build-deploy-secret.yml:schema': 'a 0-byte file: Compose refuses an empty compose file',
    'udemy-docker-mastery/compose-sample-1/template.yml:schema':
      'a commented template whose keys have no values (`image:` is null, `servicename2:` is null, top-level `volumes:`/`networks:` are null): Compose refuses it (services.servicename.image must be a string)',
    'slochewie-docker-compose-files/hass/docker-compose.yml:yaml-syntax': 'the zigbee2mqtt service has two `environment` keys (lines 45 and 57): Compose (yaml.v3) refuses a mapping key defined twice',
    'slochewie-docker-compose-files/webthings-gateway/docker-compose.yml:yaml-syntax': 'the service has two `devices` keys: Compose (yaml.v3) refuses a mapping key defined twice',
  },
};

/**
 * Per corpus, the env files a user would have in a directory when they are not `.env` or its
 * example (relative to the corpus; later files win). docker-traefik's includes name
 * `compose/$HOSTNAME/...` with HOSTNAME "defined in .env" by the user: hs.env, written for the
 * corpus, stands for that line.
 */
/** @type {Record<string, Record<string, string[]>>} */
const ENV_FILES = {
  corpus2: { 'docker-traefik': ['docker-traefik/.env.example', 'docker-traefik/hs.env'] },
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

/**
 * The environment of a user's shell in `dir`, the project directory they run `docker compose`
 * from: PATH, and PWD, which a shell always sets (files bind `${PWD}/config`).
 * @param {string} dir
 * @returns {Record<string, string>}
 */
function shellEnv(dir) {
  return { PATH: process.env.PATH || '', PWD: dir };
}

/** The env files a user would use for this directory: ENV_FILES, else `.env`, else the example copied to `.env`. */
/**
 * @param {string} corpus
 * @param {string} dir
 * @returns {string[] | undefined}
 */
function envFilesFor(corpus, dir) {
  const listed = (ENV_FILES[path.basename(corpus)] || {})[path.relative(corpus, dir)];
  if (listed) return listed.map((f) => path.join(corpus, f));
  for (const n of ENV_NAMES) if (fs.existsSync(path.join(dir, n))) return [path.join(dir, n)];
  return undefined;
}

/** The runs for one corpus: each file as a target (one run per distinct project), then the groups. */
/**
 * @typedef {{ files?: string[], targets?: string[], crash?: string }} Run
 * @param {string} corpus
 * @param {string[][]} groups
 * @returns {Run[]}
 */
function plan(corpus, groups) {
  const grouped = new Set(groups.flatMap((g) => g.slice(1)).map((f) => path.join(corpus, f)));
  /** @type {Run[]} */
  const runs = groups.map((g) => ({ files: g.map((f) => path.join(corpus, f)) }));
  const seen = new Set();
  for (const f of walk(corpus)) {
    if (grouped.has(f)) continue;
    const options = { cwd: corpus, targets: [f], envFiles: envFilesFor(corpus, path.dirname(f)), env: shellEnv(path.dirname(f)) };
    let key;
    try {
      key = planProjects(options)
        .map((p) => (p.files ?? []).join('\0'))
        .join('\n');
    } catch (e) {
      runs.push({ crash: `${path.relative(corpus, f)}: ${e instanceof Error ? e.message : String(e)}` });
      continue;
    }
    if (seen.has(key)) continue; // a base and its override: one project
    seen.add(key);
    // Files only included by another one are still linted alone: they must stand on their own too.
    runs.push({ targets: [f] });
  }
  return runs;
}

const LOADER_RULES = new Set(['yaml-syntax', 'schema', 'load-error']);
let failures = 0;
for (const corpus of corpora) {
  if (!fs.existsSync(corpus)) {
    console.log(`corpus not found at ${corpus}: nothing to check`);
    continue;
  }
  failures += checkCorpus(corpus);
  failures += fastYamlDifferential(corpus);
}
if (failures) {
  console.log(`\n${failures} failure(s)`);
  process.exitCode = 1;
} else console.log('\ncorpus check passed');

/** @param {string} corpus @returns {number} failures */
function checkCorpus(corpus) {
  const name = path.basename(corpus);
  const expected = EXPECTED_LOADER_FINDINGS[name] || {};
  let failed = 0;
  /** @type {Map<string, Set<string>>} */
  const byRule = new Map();
  let projects = 0;
  for (const run of plan(corpus, GROUPS[name] || [])) {
    const what = run.crash || (run.files || run.targets || []).map((f) => path.relative(corpus, f)).join(' + ');
    if (run.crash) {
      failed++;
      console.log(`CRASH ${what}`);
      continue;
    }
    const envFiles = envFilesFor(corpus, path.dirname((run.files || run.targets || [])[0]));
    let result;
    try {
      result = lintSync({ cwd: corpus, files: run.files, targets: run.targets, envFiles, env: shellEnv(path.dirname((run.files || run.targets || [])[0])) });
    } catch (e) {
      failed++;
      console.log(`CRASH ${what}: ${e instanceof Error ? e.stack : String(e)}`);
      continue;
    }
    projects += result.projects.length;
    for (const f of result.findings) {
      const key = `${f.file}:${f.rule}`;
      const line = `${f.file}:${f.line}:${f.column}: ${f.severity}: ${f.message} [${f.rule}]`;
      if (LOADER_RULES.has(f.rule) && !expected[key]) {
        failed++;
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
  return failed;
}

/** @param {string} dir @param {string[]} out @returns {string[]} every .yml/.yaml file under dir */
function yamlFilesUnder(dir, out = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yamlFilesUnder(p, out);
    else if (/\.ya?ml$/.test(e.name)) out.push(p);
  }
  return out;
}

/**
 * The fast YAML reader against the yaml package on every YAML file of the corpus and 6 mutations of each.
 * @param {string} corpus @returns {number} failures
 */
function fastYamlDifferential(corpus) {
  require('./ts-require');
  /** @type {typeof import('../test/fast-yaml-verdict')} */
  const { mutations, verdict } = require('../test/fast-yaml-verdict');
  /** @type {typeof import('../src/load/parse')} */
  const { parseWithYamlPackage } = require('../src/load/parse');
  let failed = 0;
  /** @param {string} name @param {string} text @returns {string} the verdict, or 'crashed' */
  const judge = (name, text) => {
    let v;
    try {
      v = verdict({ path: name, text });
    } catch (e) {
      v = `the fast reader crashed: ${e instanceof Error ? e.stack : String(e)}`;
    }
    if (v !== 'same' && v !== 'declined') {
      failed++;
      console.log(`FAST-YAML ${name}:\n${v}`);
    }
    return v;
  };
  const files = yamlFilesUnder(corpus);
  let accepted = 0;
  let valid = 0;
  let variants = 0;
  let variantsAccepted = 0;
  files.forEach((f, i) => {
    const name = path.relative(corpus, f);
    const text = fs.readFileSync(f, 'utf8');
    if (judge(name, text) === 'same') accepted++;
    const slow = parseWithYamlPackage({ path: name, text });
    if (slow.errors.length === 0 && slow.documents.length > 0) valid++;
    for (const m of mutations(text, 6, i + 1)) {
      variants++;
      if (judge(`${name} (${m.name})`, m.text) === 'same') variantsAccepted++;
    }
  });
  console.log(
    `\nfast YAML reader on ${corpus}: read ${accepted} of ${files.length} files (${valid} with content and without YAML errors), ${variantsAccepted} of ${variants} mutated variants; ${failed} difference(s) or crash(es)`,
  );
  if (accepted < Math.ceil(valid * 0.95)) {
    failed++;
    console.log(`FAST-YAML read fewer than 95% of the ${valid} files with content and without YAML errors`);
  }
  return failed;
}
