/** action.yml: inputs, matcher registration, and the run script executed with a stand-in `npx`. */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'yaml';

const root = path.join(__dirname, '..');
const action = parse(fs.readFileSync(path.join(root, 'action.yml'), 'utf8'));
const version: string = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version;

test('declares the inputs with their defaults and is a composite action', () => {
  expect(Object.keys(action.inputs)).toEqual(['files', 'format', 'args']);
  expect(action.inputs.format.default).toBe('compact'); // annotations through the problem matcher
  expect(action.inputs.files.default).toBe('');
  expect(action.inputs.args.default).toBe('');
  expect(action.runs.using).toBe('composite');
  expect(action.runs.steps).toHaveLength(2);
  expect(action.runs.steps[0].run).toBe('echo "::add-matcher::${{ github.action_path }}/compose-lint-matcher.json"');
  expect(fs.existsSync(path.join(root, 'compose-lint-matcher.json'))).toBe(true);
});

describe('the run step', () => {
  const step = action.runs.steps[1];
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compose-lint-action-'));
    // A stand-in npx that prints each argument on its own line.
    fs.writeFileSync(path.join(dir, 'npx'), '#!/usr/bin/env bash\nprintf "<%s>\\n" "$@"\n', { mode: 0o755 });
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  function runStep(inputs: Record<string, string>, cwd?: string): string[] {
    expect(step.shell).toBe('bash');
    expect(step.env).toEqual({
      INPUT_FILES: '${{ inputs.files }}',
      INPUT_FORMAT: '${{ inputs.format }}',
      INPUT_ARGS: '${{ inputs.args }}',
      GITHUB_ACTION_PATH: '${{ github.action_path }}',
    });
    const out = execFileSync('bash', ['-c', step.run], {
      cwd,
      env: {
        PATH: `${dir}${path.delimiter}${process.env.PATH}`,
        INPUT_FILES: inputs.files ?? '',
        INPUT_FORMAT: inputs.format ?? 'compact',
        INPUT_ARGS: inputs.args ?? '',
        GITHUB_ACTION_PATH: root,
      },
      encoding: 'utf8',
    });
    return out.trimEnd().split('\n');
  }

  test('runs the release matching the action version with the chosen format', () => {
    expect(runStep({})).toEqual(['<--yes>', `<compose-lint@${version}>`, '<--format>', '<compact>']);
  });

  test('passes files and args as separate words, keeping quoted paths with spaces whole', () => {
    const argv = runStep({
      files: 'compose.yaml "deploy/prod stack/docker-compose.prod.yml"\nother.yml',
      format: 'compact',
      args: '--max-warnings 0 --env-file ".env ci"',
    });
    expect(argv).toEqual([
      '<--yes>',
      `<compose-lint@${version}>`,
      '<--format>',
      '<compact>',
      '<--max-warnings>',
      '<0>',
      '<--env-file>',
      '<.env ci>',
      '<compose.yaml>',
      '<deploy/prod stack/docker-compose.prod.yml>',
      '<other.yml>',
    ]);
  });

  test('never evaluates input text as shell code', () => {
    const argv = runStep({ files: '$(touch pwned) `id` ;ls' });
    expect(argv.slice(4)).toEqual(['<$(touch>', '<pwned)>', '<`id`>', '<;ls>']);
    expect(fs.existsSync('pwned')).toBe(false);
  });

  test('expands globs (** across directories, also quoted, paths with spaces kept whole) in the workspace', () => {
    const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'compose-lint-ws-'));
    for (const f of ['stacks/a/compose.yaml', 'stacks/b c/compose.yaml', 'stacks/b c/deep/compose.yaml', 'other.yml']) {
      fs.mkdirSync(path.dirname(path.join(ws, f)), { recursive: true });
      fs.writeFileSync(path.join(ws, f), 'services: {}\n');
    }
    expect(runStep({ files: 'stacks/**/compose.yaml\n"stacks/b c/*.yaml" other.yml' }, ws).slice(4)).toEqual([
      '<stacks/a/compose.yaml>',
      '<stacks/b c/compose.yaml>',
      '<stacks/b c/deep/compose.yaml>',
      '<stacks/b c/compose.yaml>',
      '<other.yml>',
    ]);
  });

  test('a path with an apostrophe, quoted, passes whole (xargs refused it)', () => {
    expect(runStep({ files: `"ops/it's here/compose.yaml" 'a "b"/compose.yaml'` }).slice(4)).toEqual([`<ops/it's here/compose.yaml>`, '<a "b"/compose.yaml>']);
  });

  test('a glob matching nothing and an unclosed quote stop the step', () => {
    const fail = (inputs: Record<string, string>) => {
      try {
        runStep(inputs, os.tmpdir());
        return 'ran';
      } catch (e) {
        const err = e as { status: number; stdout: string; stderr: string };
        // Only our lines: the machine's bash may print start-up noise of its own on stderr.
        return `${err.status} ${`${err.stdout}${err.stderr}`
          .split('\n')
          .filter((l) => l.includes('compose-lint'))
          .join('\n')}`;
      }
    };
    expect(fail({ files: 'nothing-here-*/compose.yaml' })).toBe('2 ::error::compose-lint: no file matches nothing-here-*/compose.yaml');
    expect(fail({ files: '"open.yaml' })).toBe('2 compose-lint action: unclosed " in: "open.yaml');
  });
});
