/**
 * Applying fixes: minimal text edits on the text as read, never a re-serialization. Fixes that
 * overlap an earlier one in the same file wait for the next pass; a file is written atomically
 * (temporary file + rename, mode kept) and only when the text on disk is still what was linted.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Finding, Fix, TextEdit } from '../types';
import { fixChecks } from './fix-check';
import { encodeText, textEncoding } from '../load/encoding';

/** Per file (Fix.file), the edits of every fix that can be applied together, sorted. */
export function planFixes(findings: readonly Finding[]): Map<string, TextEdit[]> {
  return new Map([...planFileFixes(findings)].map(([file, fixes]) => [file, editsOf(fixes)]));
}

/** Per file (Fix.file), the fixes that can be applied together, in finding order: a fix overlapping an earlier one waits. */
export function planFileFixes(findings: readonly Finding[]): Map<string, Fix[]> {
  const plan = new Map<string, Fix[]>();
  const seen = new Set<string>();
  for (const f of findings) {
    if (!f.fix || f.fix.edits.length === 0) continue;
    const key = fixKey(f.fix);
    if (seen.has(key)) continue; // the same fix reached through two findings
    seen.add(key);
    const taken = plan.get(f.fix.file) ?? [];
    const edits = f.fix.edits;
    if (edits.some((e, i) => edits.some((o, j) => i !== j && overlaps(e, o)) || taken.some((t) => t.edits.some((te) => overlaps(e, te))))) continue;
    plan.set(f.fix.file, [...taken, f.fix]);
  }
  return plan;
}

/** Identifies a fix across lint passes: its file and edits. */
export function fixKey(fix: Fix): string {
  return `${fix.file}\0${JSON.stringify(fix.edits)}`;
}

/** The edits of fixes that do not overlap, sorted for applyEdits. */
export function editsOf(fixes: readonly Fix[]): TextEdit[] {
  return sortEdits(fixes.flatMap((f) => f.edits));
}

export interface CheckedFixes {
  /** The fixes that may be written together. */
  fixes: Fix[];
  /** Fixes refused, with why; `fix` is absent when the whole file is refused. */
  refused: { fix?: Fix; reason: string }[];
}

/**
 * Keep the fixes of one file whose result still parses to what was intended (fix-check.ts): all
 * of them when together they pass; else each on its own, and those passing together again.
 */
export function checkFixes(file: string, before: string, fixes: readonly Fix[]): CheckedFixes {
  const checks = fixChecks(file, before);
  if (checks.fileReason) return { fixes: [], refused: [{ reason: checks.fileReason }] };
  const refusal = (some: readonly Fix[]): string | undefined =>
    checks.refusal(
      applyEdits(before, editsOf(some)),
      some.flatMap((f) => f.changes ?? []),
    );
  const together = refusal(fixes);
  if (together === undefined) return { fixes: [...fixes], refused: [] };
  if (fixes.length === 1) return { fixes: [], refused: [{ fix: fixes[0], reason: together }] };
  const out: CheckedFixes = { fixes: [], refused: [] };
  for (const fix of fixes) {
    const alone = refusal([fix]);
    if (alone === undefined) out.fixes.push(fix);
    else out.refused.push({ fix, reason: alone });
  }
  const rest = out.fixes.length ? refusal(out.fixes) : undefined;
  if (rest !== undefined) {
    for (const fix of out.fixes) out.refused.push({ fix, reason: rest });
    out.fixes = [];
  }
  return out;
}

/** Two edits touch the same text, or insert at the same place (their order would be a guess). */
function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.start === b.start && (a.start === a.end || b.start === b.end)) return true;
  return a.start < b.end && b.start < a.end;
}

function sortEdits(edits: TextEdit[]): TextEdit[] {
  return edits.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Apply sorted, non-overlapping edits. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = '';
  let at = 0;
  for (const e of edits) {
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + text.slice(at);
}

/** Why a file was not written, when the disk no longer holds the text that was linted. */
export function staleReason(abs: string, linted: string): string | undefined {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(abs);
  } catch (e) {
    return `cannot read it again: ${(e as Error).message}`;
  }
  // Round-tripping catches invalid UTF-8, which reading replaced and writing would not restore.
  if (!encodeText(linted, textEncoding(buf)).equals(buf)) return 'it changed since it was read, or is not valid UTF-8';
  return undefined;
}

/**
 * Replace a file's text atomically: same directory temp file, same mode, the file's own encoding
 * (UTF-8, UTF-8 with a BOM, UTF-16LE or UTF-16BE with theirs) kept.
 */
export function writeFileAtomic(abs: string, text: string): void {
  const real = fs.realpathSync(abs); // write through a symlink, don't replace it
  const st = fs.statSync(real);
  const bytes = encodeText(text, textEncoding(fs.readFileSync(real)));
  const tmp = path.join(path.dirname(real), `.${path.basename(real)}.compose-lint-${process.pid}.tmp`);
  const mode = st.mode & 0o7777;
  try {
    fs.writeFileSync(tmp, bytes, { mode, flag: 'wx' });
    fs.chmodSync(tmp, mode); // the umask may have dropped bits
    fs.renameSync(tmp, real);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}
