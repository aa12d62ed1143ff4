/**
 * Suppression comments in compose files, applied in the file a finding is reported in:
 *
 *   # compose-lint-disable-next-line rule-a, rule-b -- reason
 *   image: x   # compose-lint-disable-line rule-a -- reason
 *   # compose-lint-disable-next-line rule-a -- reason     (above `environment:` or a service: covers its whole block)
 *   # compose-lint-disable rule-a -- reason      ...      # compose-lint-enable rule-a
 *   # compose-lint-disable-file rule-a -- reason
 *
 * No rule list means every rule. Comments are found with the `yaml` CST, so a `#` inside a quoted
 * string or a block scalar is never taken for one.
 */

import type { Finding } from '../types';
import { lineCol, SourceFile } from '../model/source';

export type DirectiveKind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line' | 'disable-file';

export interface Directive {
  kind: DirectiveKind;
  /** Rule ids named; empty means every rule. */
  rules: string[];
  /** The text after ` -- `. */
  reason?: string;
  source: SourceFile;
  /** Offsets of the whole comment, `#` included. */
  start: number;
  end: number;
  line: number;
  column: number;
  /**
   * For disable-next-line: the last line it covers. The next line, or when that line holds a key
   * whose value is a block (`links:`, `environment:`, a service) or starts a block sequence item,
   * the last line of that block.
   */
  lastLine?: number;
}

/** How a finding was suppressed: by a comment or by the config's per-rule `exclude`. */
export interface Suppression {
  kind: 'directive' | 'exclude';
  reason?: string;
  /** Where the directive is (for `directive`). */
  file?: string;
  line?: number;
}
export type SuppressedFinding = Finding & { suppression: Suppression };

/** A directive, or one rule of its list, that suppressed nothing. */
export interface UnusedDirective {
  directive: Directive;
  /** The rule of the list that suppressed nothing; undefined for a directive without a list. */
  rule?: string;
}

const MARKER = 'compose-lint-';
const DIRECTIVE = /^#\s*compose-lint-(disable-next-line|disable-line|disable-file|disable|enable)(?:\s+(.*))?$/;

export function parseDirectives(source: SourceFile): Directive[] {
  if (!source.text.includes(MARKER)) return []; // the common case costs one scan, no second parse
  const out: Directive[] = [];
  for (const c of commentsOf(source.text)) {
    const m = DIRECTIVE.exec(c.text.trimEnd());
    if (!m) continue;
    const [list, reason] = splitReason(m[2] ?? '');
    const { line, column } = lineCol(source, c.start);
    const d: Directive = { kind: m[1] as DirectiveKind, rules: list.split(/[\s,]+/).filter(Boolean), source, start: c.start, end: c.start + c.text.length, line, column };
    if (reason) d.reason = reason;
    out.push(d);
  }
  const nextLine = out.filter((d) => d.kind === 'disable-next-line');
  if (nextLine.length) {
    const ends = blockEnds(source);
    for (const d of nextLine) d.lastLine = Math.max(d.line + 1, ends.get(d.line + 1) ?? 0);
  }
  return out;
}

/**
 * Line -> last line of the block that starts there: for each key whose value is a block collection
 * or a block scalar (`|`, `>`), and each block sequence item holding a collection, the collection's last line. Parsed only for
 * files with disable-next-line directives.
 */
function blockEnds(source: SourceFile): Map<number, number> {
  const { parseAllDocuments, visit, isPair, isCollection, isNode, isScalar } = require('yaml') as typeof import('yaml');
  const isBlock = (v: unknown): v is { range: [number, number, number] } =>
    (isCollection(v) && !v.flow && !!v.range) || (isScalar(v) && (v.type === 'BLOCK_LITERAL' || v.type === 'BLOCK_FOLDED') && !!v.range);
  const ends = new Map<number, number>();
  const record = (start: number, valueEnd: number): void => {
    const from = lineCol(source, start).line;
    // The range ends after the block's last character (often the newline): step back onto it.
    const to = lineCol(source, Math.max(start, valueEnd - 1)).line;
    if (to > from) ends.set(from, Math.max(ends.get(from) ?? 0, to));
  };
  for (const doc of parseAllDocuments(source.text)) {
    if (!('contents' in doc)) continue;
    visit(doc, {
      Pair(_key, pair) {
        if (isPair(pair) && isNode(pair.key) && pair.key.range && isBlock(pair.value)) record(pair.key.range[0], pair.value.range[1]);
      },
      Seq(_key, seq) {
        if (seq.flow) return;
        for (const item of seq.items) if (isCollection(item) && !item.flow && item.range) record(item.range[0], item.range[1]);
      },
    });
  }
  return ends;
}

/** "a, b -- why" -> ["a, b", "why"]; the separator is `--` between spaces (or ending the comment). */
function splitReason(rest: string): [string, string | undefined] {
  const m = /(^|\s)--(\s|$)/.exec(rest);
  if (!m) return [rest, undefined];
  return [rest.slice(0, m.index), rest.slice(m.index + m[0].length).trim() || undefined];
}

interface Comment {
  start: number;
  text: string;
}

/** Every comment token in the text, in order. */
function commentsOf(text: string): Comment[] {
  const out: Comment[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const n of node) visit(n);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const tok = node as { type?: string; offset?: number; source?: unknown };
    if (tok.type === 'comment' && typeof tok.source === 'string' && typeof tok.offset === 'number') {
      out.push({ start: tok.offset, text: tok.source });
      return;
    }
    for (const v of Object.values(node)) if (typeof v === 'object') visit(v);
  };
  const { Parser } = require('yaml') as typeof import('yaml'); // lazy: only files with directives need it
  for (const token of new Parser().parse(text)) visit(token);
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Finds the directive that suppresses a finding and remembers which directives were used. Each
 * file's directives are indexed (by line, by rule for next-line ranges and disable/enable blocks),
 * so a file of 30,000 suppression comments and as many findings costs a lookup per finding, not a
 * scan (issue 14).
 */
export class DirectiveIndex {
  private readonly byFile = new Map<string, FileDirectives>();
  private readonly used = new Map<Directive, Set<string>>();

  constructor(sources: Iterable<SourceFile>) {
    for (const s of sources) {
      if (this.byFile.has(s.path)) continue;
      const directives = parseDirectives(s);
      if (directives.length) this.byFile.set(s.path, new FileDirectives(directives));
    }
  }

  /** The directive that suppresses `f`, if any (marked used for f's rule). */
  suppressorOf(f: Finding): Directive | undefined {
    const file = this.byFile.get(f.file);
    if (!file) return undefined;
    const d = file.lineDirective(f) ?? file.blockDirective(f);
    if (d) {
      const used = this.used.get(d) ?? new Set<string>();
      used.add(f.rule);
      this.used.set(d, used);
    }
    return d;
  }

  /** Disable directives (or rules in their lists) that suppressed nothing. */
  unused(): UnusedDirective[] {
    const out: UnusedDirective[] = [];
    for (const { list } of this.byFile.values()) {
      for (const directive of list) {
        if (directive.kind === 'enable') continue;
        const used = this.used.get(directive);
        if (directive.rules.length === 0) {
          if (!used) out.push({ directive });
        } else {
          for (const rule of new Set(directive.rules)) if (!used?.has(rule)) out.push({ directive, rule });
        }
      }
    }
    return out;
  }
}

const covers = (d: Directive, rule: string): boolean => d.rules.length === 0 || d.rules.includes(rule);

/** Per rule: the next-line directives covering it, in file order, with the running maximum of their last lines. */
interface NextLineIndex {
  directives: Directive[];
  firstLines: number[];
  maxLastLine: number[];
}

/** One file's directives (in file order), indexed for lookups by finding. */
class FileDirectives {
  private readonly position = new Map<Directive, number>();
  /** disable-line directives by their line, in file order. */
  private readonly atLine = new Map<number, Directive[]>();
  private readonly nextLine: Directive[] = [];
  private readonly nextLineFor = new Map<string, NextLineIndex>();
  private readonly fileWide: Directive[] = [];
  private readonly fileWideFor = new Map<string, Directive | undefined>();
  private readonly blocks: Directive[] = [];
  private readonly timelines = new Map<string, { lines: number[]; suppressors: (Directive | undefined)[] }>();

  constructor(readonly list: Directive[]) {
    list.forEach((d, i) => {
      this.position.set(d, i);
      if (d.kind === 'disable-line') {
        const here = this.atLine.get(d.line) ?? [];
        this.atLine.set(d.line, here);
        here.push(d);
      } else if (d.kind === 'disable-next-line') this.nextLine.push(d);
      else if (d.kind === 'disable-file') this.fileWide.push(d);
      else this.blocks.push(d);
    });
  }

  /**
   * -line, -next-line (the line below, or the block starting there) and -file directives: they
   * name their lines outright; the first in file order wins.
   */
  lineDirective(f: Finding): Directive | undefined {
    const candidates = [this.atLine.get(f.line)?.find((d) => covers(d, f.rule)), this.nextLineDirective(f), this.fileWideDirective(f.rule)];
    let best: Directive | undefined;
    for (const d of candidates) if (d && (!best || this.position.get(d)! < this.position.get(best)!)) best = d;
    return best;
  }

  private fileWideDirective(rule: string): Directive | undefined {
    if (!this.fileWideFor.has(rule))
      this.fileWideFor.set(
        rule,
        this.fileWide.find((d) => covers(d, rule)),
      );
    return this.fileWideFor.get(rule);
  }

  /**
   * The first next-line directive whose range (d.line + 1 .. lastLine) holds f.line: among those
   * starting at or before it, the first whose running maximum of last lines reaches it (binary
   * searches on a per-rule index, whatever the ranges' nesting).
   */
  private nextLineDirective(f: Finding): Directive | undefined {
    if (!this.nextLine.length) return undefined;
    let idx = this.nextLineFor.get(f.rule);
    if (!idx) {
      idx = { directives: [], firstLines: [], maxLastLine: [] };
      let max = 0;
      for (const d of this.nextLine) {
        if (!covers(d, f.rule)) continue;
        max = Math.max(max, d.lastLine ?? d.line + 1);
        idx.directives.push(d);
        idx.firstLines.push(d.line + 1);
        idx.maxLastLine.push(max);
      }
      this.nextLineFor.set(f.rule, idx);
    }
    const started = upperBound(idx.firstLines, f.line); // directives[0 .. started) start at or before f.line
    let lo = 0;
    let hi = started;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (idx.maxLastLine[mid] >= f.line) hi = mid;
      else lo = mid + 1;
    }
    return lo < started ? idx.directives[lo] : undefined;
  }

  /**
   * disable/enable blocks, replayed in file order up to the finding's line: a block starts on the
   * directive's line and an `enable` ends it from its own line on. `enable a` inside a `disable`
   * of every rule turns just `a` back on. Replayed once per rule, then found by binary search.
   */
  blockDirective(f: Finding): Directive | undefined {
    const t = this.timelineOf(f.rule);
    const after = upperBound(t.lines, f.line);
    return after === 0 ? undefined : t.suppressors[after - 1];
  }

  /** After each block directive (by line), which directive suppresses `rule`. */
  private timelineOf(rule: string): { lines: number[]; suppressors: (Directive | undefined)[] } {
    let t = this.timelines.get(rule);
    if (t) return t;
    t = { lines: [], suppressors: [] };
    let all: Directive | undefined;
    let own: Directive | undefined;
    let reenabled = false;
    for (const d of this.blocks) {
      const disabling = d.kind === 'disable';
      if (d.rules.length === 0) {
        all = disabling ? d : undefined;
        own = undefined;
        reenabled = false;
      } else if (d.rules.includes(rule)) {
        if (disabling) {
          own = d;
          reenabled = false;
        } else {
          own = undefined;
          if (all) reenabled = true;
        }
      }
      t.lines.push(d.line);
      t.suppressors.push(own ?? (all && !reenabled ? all : undefined));
    }
    this.timelines.set(rule, t);
    return t;
  }
}

/** The number of leading entries of a sorted array that are <= value. */
function upperBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
