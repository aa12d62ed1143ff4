/**
 * compose-lint-matcher.json applied to real `compact` output the way the GitHub Actions runner does
 * (ECMAScript regexps; severity from the group or the matcher default; only error/warning/notice
 * become annotations, otherwise the next matcher gets the line), and the VS Code snippet in
 * docs/integrations.md using the very same regexp.
 */
import * as fs from 'fs';
import * as path from 'path';
import { loadFormatter } from '../src/report';
import type { FormatContext } from '../src/report/types';
import { finding, loadReportFixture } from './report-fixture';

const root = path.join(__dirname, '..');

interface PatternConfig {
  regexp: string;
  file?: number;
  line?: number;
  column?: number;
  severity?: number;
  message?: number;
  code?: number;
}
interface MatcherConfig {
  owner: string;
  severity?: string;
  pattern: PatternConfig[];
}
const matchers: MatcherConfig[] = JSON.parse(fs.readFileSync(path.join(root, 'compose-lint-matcher.json'), 'utf8')).problemMatcher;

interface Annotation {
  owner: string;
  severity: string;
  file?: string;
  line?: string;
  column?: string;
  message?: string;
  code?: string;
}

/** The runner's single-line matching, in its order: a file's matchers are prepended one by one. */
function annotate(line: string): Annotation | undefined {
  for (const m of [...matchers].reverse()) {
    const p = m.pattern[0];
    const match = new RegExp(p.regexp).exec(line);
    if (!match) continue;
    const group = (i?: number) => (i === undefined ? undefined : match[i]);
    const severity = (group(p.severity) || m.severity || 'error').toLowerCase();
    if (!['error', 'warning', 'notice'].includes(severity) || !group(p.message)?.trim()) continue;
    return { owner: m.owner, severity, file: group(p.file), line: group(p.line), column: group(p.column), message: group(p.message), code: group(p.code) };
  }
  return undefined;
}

test('the matcher file is what the runner accepts: distinct owners, one pattern each, valid groups', () => {
  expect(matchers.map((m) => m.owner)).toEqual(['compose-lint', 'compose-lint-info']);
  for (const m of matchers) {
    expect(['', 'error', 'warning', 'notice']).toContain(m.severity ?? '');
    expect(m.pattern).toHaveLength(1);
    const { regexp, ...groups } = m.pattern[0];
    const groupCount = new RegExp(`${regexp}|`).exec('')!.length; // capture groups + 1
    for (const index of Object.values(groups)) expect(index).toBeLessThan(groupCount);
    expect(groups.message).toBeDefined();
  }
});

test('every line of the fixture compact output becomes the right annotation', () => {
  const { findings, ctx } = loadReportFixture();
  const lines = loadFormatter('compact')(findings, ctx).trimEnd().split('\n');
  expect(lines.map(annotate)).toEqual([
    { owner: 'compose-lint', severity: 'error', file: 'broken.yml', line: '2', column: '3', message: 'unexpected end of the stream within a flow collection', code: 'yaml-syntax' },
    { owner: 'compose-lint', severity: 'warning', file: 'compose.yaml', line: '1', column: '1', message: 'top-level `version` is obsolete: Compose ignores it', code: 'no-version' },
    { owner: 'compose-lint', severity: 'error', file: 'compose.yaml', line: '5', column: '17', message: findings[2].message, code: 'no-privileged' },
    { owner: 'compose-lint', severity: 'warning', file: 'compose.yaml', line: '12', column: '21', message: findings[3].message, code: 'unresolved-hostname' },
    {
      owner: 'compose-lint',
      severity: 'error',
      file: 'deploy/prod stack/docker-compose.prod.yml',
      line: '3',
      column: '9',
      message: 'host port 8080 is published twice, 100% conflicting: api: "8080:80" <tcp> web: "8080:8080" & more',
      code: 'port-conflict',
    },
    {
      owner: 'compose-lint-info',
      severity: 'notice',
      file: 'deploy/prod stack/docker-compose.prod.yml',
      line: '7',
      column: '12',
      message: 'image <nginx:latest> & friends may change under you; pin a digest',
      code: 'image-tag-latest',
    },
    {
      owner: 'compose-lint-info',
      severity: 'notice',
      file: 'deploy/prod stack/docker-compose.prod.yml',
      line: '14',
      column: '9',
      message: 'TZ is set twice; the last value wins',
      code: 'env-duplicate-key',
    },
    {
      owner: 'compose-lint-info',
      severity: 'notice',
      file: 'deploy/prod stack/docker-compose.prod.yml',
      line: '16',
      column: '9',
      message: 'TZ is set twice; the last value wins',
      code: 'env-duplicate-key',
    },
  ]);
});

test('messages that look like positions or rule tags do not confuse the match', () => {
  const ctx: FormatContext = { cwd: '/w', version: '0', rules: [], color: false, files: [] };
  const line = loadFormatter('compact')(
    [finding({ file: '/w/v1.2 dir/compose.ci.yaml', line: 40, column: 7, severity: 'warning', rule: 'r-1', message: 'see a.yml:3:4: error: x [other] here' })],
    ctx,
  ).trimEnd();
  expect(annotate(line)).toEqual({
    owner: 'compose-lint',
    severity: 'warning',
    file: 'v1.2 dir/compose.ci.yaml',
    line: '40',
    column: '7',
    message: 'see a.yml:3:4: error: x [other] here',
    code: 'r-1',
  });
  // stylish output is not mistaken for compact lines
  expect(annotate('  1:1  error  message  rule')).toBeUndefined();
});

test.each(['docs/integrations.md', 'README.md'])('the VS Code tasks.json snippet in %s uses the same regexp', (file) => {
  const doc = fs.readFileSync(path.join(root, file), 'utf8');
  const blocks = [...doc.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]).filter((b) => b.includes('"problemMatcher"'));
  expect(blocks).toHaveLength(1);
  const tasks = JSON.parse(blocks[0]);
  const vscode = tasks.tasks[0].problemMatcher;
  expect(vscode.pattern.regexp).toBe(matchers[0].pattern[0].regexp);
  const { regexp: _r, ...groups } = matchers[0].pattern[0];
  expect(vscode.pattern).toEqual({ regexp: matchers[0].pattern[0].regexp, ...groups });
  expect(vscode.owner).toBe('compose-lint');
  expect(tasks.tasks[0].command).toContain('--format compact');
});

test('the problem matcher ships in the npm package (editors and CI find it under node_modules/compose-lint/)', () => {
  const { execFileSync } = require('child_process') as typeof import('child_process');
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: path.join(__dirname, '..'), encoding: 'utf8' });
  const files = (JSON.parse(out) as { files: { path: string }[] }[])[0].files.map((f) => f.path);
  expect(files).toContain('compose-lint-matcher.json');
  expect(files).toContain('bin/compose-lint.js');
});
