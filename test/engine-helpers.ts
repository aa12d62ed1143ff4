/** Helpers for the engine tests: temporary trees, probe rules, and running the built CLI. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Rule, Severity } from '../src/types';
import { keyOriginOf } from '../src/model/origin';
import { runCli, CliRun } from './cli-harness';

/** A fresh directory holding `files` (path -> content). */
export function makeTree(files: Record<string, string | Buffer>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'compose-lint-engine-'));
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(root, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, content);
  }
  return root;
}

/**
 * A rule that reports each service at its key, with the options it received in the message, so
 * tests see exactly which rules ran, at which severity, with which options.
 */
export function probeRule(id: string, severity: Severity, extra: Partial<Rule> = {}): Rule {
  return {
    id,
    description: `probe ${id}`,
    category: 'style',
    severity,
    fixable: false,
    docs: { why: 'w', bad: 'b', good: 'g' },
    ...extra,
    check(ctx) {
      const services = (ctx.project.model.services ?? {}) as Record<string, unknown>;
      for (const name of Object.keys(services)) {
        ctx.report({ message: `${id} ${JSON.stringify(ctx.options)}`, origin: keyOriginOf(services, name), service: name });
      }
    },
  };
}

/** The CLI in `cwd` with an environment that holds nothing but PATH and NO_COLOR, run in this process (test/cli-harness.ts). */
export function cli(cwd: string, args: string[]): CliRun {
  return runCli(cwd, args);
}

/** Every file below `root` with its bytes, to prove a run changed nothing. */
export function snapshotTree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) walk(abs);
      else out[path.relative(root, abs)] = fs.readFileSync(abs).toString('base64');
    }
  };
  walk(root);
  return out;
}
