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
  /** The rendered message; tables of defineRule rules may give messageId (+ data) instead. */
  message?: string;
  messageId?: string;
  data?: Record<string, string | number>;
  severity: Severity;
  service?: string;
  /** Where the range ends (1-based, exclusive column); compared only when the expectation gives it. */
  endLine?: number;
  endColumn?: number;
  /** Defaults to compose.yaml. */
  file?: string;
}

export interface Snippet {
  name: string;
  /** compose.yaml, or every file of the project by relative path (compose.yaml among them). */
  code: string | Record<string, string>;
  profiles?: string[];
  env?: Record<string, string>;
  /** The rule's options (as in a config file's `rules: {id: [severity, options]}`). */
  options?: Record<string, unknown>;
  /** Config-file settings every rule may read (`frontends`, `datastores`). */
  settings?: { frontends?: string[]; datastores?: string[] };
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
    // A config file outside the project directory (never mistaken for a project file): the `all`
    // preset runs rules that are off in `recommended`; options only when the snippet gives some.
    const config = `${dir}.compose-lint.json`;
    const rules = s.options ? { [rule.id]: [rule.severity, s.options] } : {};
    fs.writeFileSync(config, JSON.stringify({ extends: 'all', rules, ...s.settings }));
    let findings;
    try {
      ({ findings } = lintSync({ cwd: dir, targets: ['.'], rules: [rule], config, env: s.env ?? {}, profiles: s.profiles }));
    } finally {
      fs.rmSync(config, { force: true });
    }
    return findings.map((f) => {
      expect(f.rule).toBe(rule.id);
      const out: ExpectedFinding = { line: f.line, column: f.column, message: f.message, severity: f.severity };
      if (f.messageId !== undefined) out.messageId = f.messageId;
      if (f.data !== undefined) out.data = f.data;
      if (f.service !== undefined) out.service = f.service;
      if (f.endLine !== undefined) out.endLine = f.endLine;
      if (f.endColumn !== undefined) out.endColumn = f.endColumn;
      if (f.file !== 'compose.yaml') out.file = f.file;
      return out;
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A finding reduced to the fields its expectation states: an expectation may name the message,
 * or the message id with its data, or both; whichever it leaves out is not compared.
 */
function comparable(actual: ExpectedFinding, expected: ExpectedFinding | undefined): ExpectedFinding {
  if (!expected) return actual;
  const out = { ...actual };
  if (expected.message === undefined && expected.messageId !== undefined) delete out.message;
  if (expected.messageId === undefined) delete out.messageId;
  if (expected.data === undefined) delete out.data;
  if (expected.endLine === undefined) delete out.endLine;
  if (expected.endColumn === undefined) delete out.endColumn;
  return out;
}

export function ruleTester(rule: Rule, tables: { valid: Snippet[]; invalid: InvalidSnippet[] }): void {
  describe(rule.id, () => {
    test.each(tables.valid.map((s) => [s.name, s] as const))('valid: %s', (_name, s) => {
      expect(lintSnippet(rule, s)).toEqual([]);
    });
    test.each(tables.invalid.map((s) => [s.name, s] as const))('invalid: %s', (_name, s) => {
      expect(lintSnippet(rule, s).map((f, i) => comparable(f, s.findings[i]))).toEqual(s.findings);
    });
    test('docs: the bad example is reported, the good one is not', () => {
      expect(lintSnippet(rule, { name: 'bad', code: rule.docs.bad }).length).toBeGreaterThan(0);
      expect(lintSnippet(rule, { name: 'good', code: rule.docs.good })).toEqual([]);
    });
  });
}
