/**
 * Applying fixes: minimal text edits on the text as read, never a re-serialization. Fixes that
 * overlap an earlier one in the same file wait for the next pass; a file is written atomically
 * (temporary file + rename, mode kept) and only when the text on disk is still what was linted.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Finding, TextEdit } from '../types';

/** Per file (Fix.file), the edits of every fix that can be applied together, sorted. */
export function planFixes(findings: readonly Finding[]): Map<string, TextEdit[]> {
  const plan = new Map<string, TextEdit[]>();
  const seen = new Set<string>();
  for (const f of findings) {
    if (!f.fix || f.fix.edits.length === 0) continue;
    const key = `${f.fix.file}\0${JSON.stringify(f.fix.edits)}`;
    if (seen.has(key)) continue; // the same fix reached through two findings
    seen.add(key);
    const taken = plan.get(f.fix.file) ?? [];
    if (f.fix.edits.some((e, i) => f.fix!.edits.some((o, j) => i !== j && overlaps(e, o)) || taken.some((t) => overlaps(e, t)))) continue;
    plan.set(f.fix.file, sortEdits([...taken, ...f.fix.edits]));
  }
  return plan;
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
  const body = hasBom(buf) ? buf.subarray(3) : buf;
  // Round-tripping catches invalid UTF-8, which reading replaced and writing would not restore.
  if (!Buffer.from(linted, 'utf8').equals(body)) return 'it changed since it was read, or is not valid UTF-8';
  return undefined;
}

function hasBom(buf: Buffer): boolean {
  return buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
}

/** Replace a file's text atomically: same directory temp file, same mode, a BOM kept if it had one. */
export function writeFileAtomic(abs: string, text: string): void {
  const real = fs.realpathSync(abs); // write through a symlink, don't replace it
  const st = fs.statSync(real);
  const bom = hasBom(fs.readFileSync(real)) ? '\ufeff' : '';
  const tmp = path.join(path.dirname(real), `.${path.basename(real)}.compose-lint-${process.pid}.tmp`);
  const mode = st.mode & 0o7777;
  try {
    fs.writeFileSync(tmp, bom + text, { mode, flag: 'wx' });
    fs.chmodSync(tmp, mode); // the umask may have dropped bits
    fs.renameSync(tmp, real);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}
