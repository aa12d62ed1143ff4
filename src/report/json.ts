/** The findings as a JSON array, flat, in a fixed key order; machine-readable and diff-friendly. */
import type { Finding, TextEdit } from '../types';
import type { FormatContext } from './types';

interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  rule: string;
  severity: Finding['severity'];
  message: string;
  service?: string;
  /** With ctx.fixes: the edits `--fix` would make, as offsets (UTF-16 code units) into the file's text. */
  fix?: { file: string; edits: TextEdit[] };
}

function toJson(f: Finding, withFix: boolean): JsonFinding {
  const out: JsonFinding = {
    file: f.file,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    rule: f.rule,
    severity: f.severity,
    message: f.message,
  };
  if (f.service !== undefined) out.service = f.service;
  // The file and its edits; `changes` is the fix check's business (src/engine/fix-check.ts).
  if (withFix && f.fix) out.fix = { file: f.fix.file, edits: f.fix.edits };
  return out;
}

export function format(findings: Finding[], ctx: FormatContext): string {
  return `${JSON.stringify(
    findings.map((f) => toJson(f, ctx.fixes === true)),
    null,
    2,
  )}\n`;
}
