/** The shared formatter fixture (fixtures/report/input.json) and a helper to build findings. */
import * as fs from 'fs';
import * as path from 'path';
import type { Finding } from '../src/types';
import type { FormatContext } from '../src/report/types';

export const REPORT_FIXTURES = path.join(__dirname, '..', 'fixtures', 'report');

export function loadReportFixture(): { findings: Finding[]; ctx: FormatContext } {
  const input = JSON.parse(fs.readFileSync(path.join(REPORT_FIXTURES, 'input.json'), 'utf8'));
  return { findings: input.findings, ctx: input.context };
}

/** A finding with sensible defaults; tests override what they are about. */
export function finding(over: Partial<Finding> = {}): Finding {
  return {
    rule: 'no-version',
    severity: 'warning',
    message: 'top-level `version` is obsolete',
    file: 'compose.yaml',
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 8,
    ...over,
  };
}
