/**
 * ESLint's RuleTester idea for compose-lint rules: tables of valid snippets (no finding of the
 * rule) and invalid ones with the exact findings (line, column, severity, service, message).
 * Snippets are real compose projects loaded by the real loader, written to a temporary directory
 * so multi-file cases (extends, env files) work too; only the rule under test runs.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { lintSync } from '../src/api';
import type { Rule, Severity } from '../src/types';

export interface ExpectedFinding {
  line: number;
  column: number;
  message: string;
  severity: Severity;
  service?: string;
  /** Defaults to compose.yaml. */
  file?: string;
}

export interface Snippet {
  name: string;
  /** compose.yaml, or every file of the project by relative path (compose.yaml among them). */
  code: string | Record<string, string>;
  profiles?: string[];
  env?: Record<string, string>;
}

export interface InvalidSnippet extends Snippet {
  findings: ExpectedFinding[];
}

/** Lint a snippet with one rule; findings as the tables spell them (file relative to the project). */
export function lintSnippet(rule: Rule, s: Snippet): ExpectedFinding[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `rule-${rule.id}-`));
  try {
    const files = typeof s.code === 'string' ? { 'compose.yaml': s.code } : s.code;
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), text);
    }
    const { findings } = lintSync({ cwd: dir, targets: ['.'], rules: [rule], config: false, env: s.env ?? {}, profiles: s.profiles });
    return findings.map((f) => {
      expect(f.rule).toBe(rule.id);
      const out: ExpectedFinding = { line: f.line, column: f.column, message: f.message, severity: f.severity };
      if (f.service !== undefined) out.service = f.service;
      if (f.file !== 'compose.yaml') out.file = f.file;
      return out;
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function ruleTester(rule: Rule, tables: { valid: Snippet[]; invalid: InvalidSnippet[] }): void {
  describe(rule.id, () => {
    test.each(tables.valid.map((s) => [s.name, s] as const))('valid: %s', (_name, s) => {
      expect(lintSnippet(rule, s)).toEqual([]);
    });
    test.each(tables.invalid.map((s) => [s.name, s] as const))('invalid: %s', (_name, s) => {
      expect(lintSnippet(rule, s)).toEqual(s.findings);
    });
    test('docs: the bad example is reported, the good one is not', () => {
      expect(lintSnippet(rule, { name: 'bad', code: rule.docs.bad }).length).toBeGreaterThan(0);
      expect(lintSnippet(rule, { name: 'good', code: rule.docs.good })).toEqual([]);
    });
  });
}
