/**
 * YAML -> plain values with origins, in one pass over the `yaml` package's nodes.
 * Anchors, aliases and merge keys (`<<: *a`, `<<: [*a, *b]`) are resolved here; the values an alias
 * brings keep the origin of the anchored text. Alias expansion is bounded so a "billion laughs"
 * file is refused, while thousands of ordinary `<<: *defaults` are fine.
 */
import type { Node, Document, Scalar, YAMLMap, YAMLSeq, Pair } from 'yaml';
import type { ScalarTag, CollectionTag } from 'yaml';
import { SourceFile, lineCol } from '../model/source';
import { Origin, copyOrigin, keyOriginOf, setKeyOrigin, setOrigin, setSelfOrigin } from '../model/origin';
import { mergeTagOf, setMergeTag } from './tags';
import { FastReadCrashed, FastReadDeclined, fastRead } from './fast-yaml';
import { ALIAS_EXPANSION_FACTOR, MAX_DEPTH, MIN_ALIAS_EXPANSION } from './limits';
import { scalarText, setOwn } from '../util/dict';

export { ALIAS_EXPANSION_FACTOR, MAX_DEPTH, MIN_ALIAS_EXPANSION };

/** The yaml package, loaded only when the fast path declines a file (start-up cost). */
let yamlLib: typeof import('yaml') | undefined;
const Y = (): typeof import('yaml') => (yamlLib ??= require('yaml') as typeof import('yaml'));

export interface SyntaxProblem {
  message: string;
  origin: Origin;
}

export interface ParsedFile {
  source: SourceFile;
  /** One dict per YAML document (multi-document files are overlays, merged in order by the loader). */
  documents: Record<string, unknown>[];
  /** YAML syntax errors; when non-empty, `documents` must not be used. */
  errors: SyntaxProblem[];
  /** Why the fast reader did not read the file (the yaml package did); absent when it did. */
  fallback?: FastReadDeclined | FastReadCrashed;
}

// Accept compose's merge tags without "unresolved tag" warnings; their meaning is applied by merge.
const passThrough = (tag: string): (ScalarTag | CollectionTag)[] => [
  { tag, resolve: (s: string) => s },
  { tag, collection: 'map', resolve: (m: unknown) => m } as unknown as CollectionTag,
  { tag, collection: 'seq', resolve: (s: unknown) => s } as unknown as CollectionTag,
];
const customTags = [...passThrough('!reset'), ...passThrough('!override')];

class ParseAbort extends Error {
  constructor(
    message: string,
    readonly node: Node | undefined,
  ) {
    super(message);
  }
}

/**
 * Set COMPOSE_LINT_FAST_YAML=strict (the test configs do) to make a crash of the fast reader throw
 * instead of falling back: a bug there then fails a test rather than silently costing the slow path.
 */
export const STRICT_FAST_YAML_ENV = 'COMPOSE_LINT_FAST_YAML';

/**
 * Parse a compose file. Most fit the fast reader's subset; anything else (errors included) goes to
 * the `yaml` package, and so does a file the fast reader crashes on (a bug: `fallback` says so,
 * and under COMPOSE_LINT_FAST_YAML=strict the crash is thrown instead).
 */
export function parseYaml(source: SourceFile): ParsedFile {
  const fast = fastRead(source);
  if (fast.outcome === 'read') return { source, documents: fast.documents, errors: [] };
  if (fast.outcome === 'crashed' && process.env[STRICT_FAST_YAML_ENV] === 'strict') throw fast.error;
  return { ...parseWithYamlPackage(source), fallback: fast };
}

/** One line for `--debug` on why the fast reader left a file to the yaml package. */
export function describeFallback(source: SourceFile, fallback: FastReadDeclined | FastReadCrashed): string {
  if (fallback.outcome === 'crashed') {
    const e = fallback.error;
    return `${source.path}: the fast YAML reader crashed (${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}), a bug to report; the yaml package read the file`;
  }
  const at = lineCol(source, fallback.offset);
  return `${source.path}:${at.line}:${at.column}: the fast YAML reader declined (${fallback.reason}); the yaml package read the file`;
}

/** The `yaml` package path: any YAML, exact errors; the reference the fast path is tested against. */
export function parseWithYamlPackage(source: SourceFile): ParsedFile {
  const errors: SyntaxProblem[] = [];
  const at = (range: readonly number[] | null | undefined): Origin => ({
    source,
    start: range?.[0] ?? 0,
    end: range?.[1] ?? range?.[0] ?? 0,
  });
  let docs: Document.Parsed[];
  try {
    docs = Y().parseAllDocuments(source.text, { prettyErrors: false, uniqueKeys: false, merge: false, customTags }) as Document.Parsed[];
  } catch (e) {
    // The yaml parser recurses; absurd nesting overflows the stack.
    errors.push({ message: `cannot parse YAML: ${(e as Error).message}`, origin: at([0, 0]) });
    return { source, documents: [], errors };
  }
  if (!Array.isArray(docs)) docs = [];
  for (const d of docs) {
    for (const e of d.errors) {
      const quote = e.code === 'MISSING_CHAR' ? /closing (["'])quote/.exec(e.message)?.[1] : undefined;
      const opening = quote ? unclosedQuoteAt(source.text, quote, e.pos[0]) : undefined;
      // The parser notices a missing closing quote where the file ends; the mistake is where it opens.
      if (opening !== undefined) errors.push({ message: `unclosed quote: the ${quote}...${quote} string that starts here has no closing ${quote}`, origin: at([opening, opening + 1]) });
      else errors.push({ message: cleanMessage(e.message), origin: at(e.pos.map((p) => Math.min(p, contentEnd(source.text)))) });
    }
  }

  const documents: Record<string, unknown>[] = [];
  for (const doc of docs) {
    if (doc.contents === null) continue; // empty document (comments only)
    const conv = new Converter(source, doc);
    try {
      const v = conv.value(doc.contents, 0);
      for (const item of conv.duplicates) errors.push(item);
      if (v === null || typeof v !== 'object' || Array.isArray(v)) {
        if (doc.errors.length === 0) errors.push({ message: 'top-level of a compose file must be a mapping', origin: at((doc.contents as Node).range) });
        continue;
      }
      documents.push(v as Record<string, unknown>);
    } catch (e) {
      if (!(e instanceof ParseAbort)) throw e;
      errors.push({ message: e.message, origin: at(e.node?.range) });
    }
  }
  errors.sort((a, b) => a.origin.start - b.origin.start);
  return { source, documents: errors.length ? [] : documents, errors };
}

/** Offset of the opening quote of the quoted scalar that runs on to `end` without being closed. */
function unclosedQuoteAt(text: string, quote: string, end: number): number | undefined {
  const type = quote === '"' ? 'double-quoted-scalar' : 'single-quoted-scalar';
  let found: number | undefined;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    const tok = node as { type?: string; offset?: number; source?: string };
    if (tok.type === type && typeof tok.offset === 'number' && typeof tok.source === 'string' && tok.offset < end && tok.offset + tok.source.length >= end) found = tok.offset;
    for (const v of Object.values(node)) if (typeof v === 'object') visit(v);
  };
  for (const token of new (Y().Parser)().parse(text)) visit(token);
  return found;
}

/**
 * Where the text's content ends: before trailing blank lines and spaces. The parser notices what
 * is missing at the end of an unclosed `[` or `{` where the text ends; the reader looks for it
 * where the last thing was written.
 */
function contentEnd(text: string): number {
  return text.trimEnd().length;
}

/** The yaml package appends " at line L, column C" to messages; we report the position separately. */
function cleanMessage(m: string): string {
  return m
    .replace(/ at line \d+, column \d+:?[\s\S]*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

class Converter {
  private expanded = 0;
  private readonly maxExpanded: number;
  /** Duplicate keys (only those written in the file: merge keys and aliases may repeat them). */
  readonly duplicates: SyntaxProblem[] = [];
  /** Alias -> anchored node, resolved once in document order (Alias.resolve scans the whole document). */
  private readonly targets = new Map<Node, Node>();
  constructor(
    private readonly source: SourceFile,
    doc: Document.Parsed,
  ) {
    const anchors = new Map<string, Node>();
    let written = 0;
    Y().visit(doc, {
      Node: (_key, node) => {
        written++;
        if (Y().isAlias(node)) {
          const t = anchors.get(node.source);
          if (t) this.targets.set(node, t);
        } else if ((node as Scalar).anchor) anchors.set((node as Scalar).anchor as string, node);
      },
    });
    this.maxExpanded = Math.max(MIN_ALIAS_EXPANSION, ALIAS_EXPANSION_FACTOR * written);
  }

  private resolve(node: Node): Node | undefined {
    return this.targets.get(node);
  }

  private origin(n: Node | null | undefined): Origin | undefined {
    const r = n?.range;
    return r ? { source: this.source, start: r[0], end: r[1] } : undefined;
  }

  value(node: Node | null | undefined, depth: number, viaAlias = false): unknown {
    if (node === null || node === undefined) return null;
    if (depth > MAX_DEPTH) throw new ParseAbort(`YAML nesting deeper than ${MAX_DEPTH} levels`, node);
    if (viaAlias && ++this.expanded > this.maxExpanded) {
      throw new ParseAbort(`aliases expand to more than ${this.maxExpanded} nodes (refusing a possible "billion laughs" file)`, node);
    }
    if (Y().isAlias(node)) {
      const target = this.resolve(node);
      if (!target) throw new ParseAbort(`unknown alias *${node.source}`, node);
      return this.value(target, depth + 1, true);
    }
    if (Y().isScalar(node)) return node.value ?? null;
    if (Y().isMap(node)) return this.map(node, depth, viaAlias);
    if (Y().isSeq(node)) return this.seq(node, depth, viaAlias);
    return null;
  }

  private keyString(k: unknown): string {
    if (Y().isScalar(k)) return k.value === null ? 'null' : scalarText(k.value);
    if (k === null || k === undefined) return 'null';
    // A complex key (a collection node) prints as its YAML text through the node's own toString.
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- see above
    return String(k);
  }

  private map(node: YAMLMap, depth: number, viaAlias: boolean): Record<string, unknown> {
    const obj: Record<string, unknown> = {};
    setSelfOrigin(obj, this.origin(node));
    const mergeSources: Node[] = [];
    let firstMerge: Origin | undefined;
    for (const pair of node.items as Pair<Node, Node>[]) {
      if (!Y().isPair(pair)) continue;
      const k = pair.key;
      if (Y().isScalar(k) && k.value === '<<' && k.type === 'PLAIN') {
        // compose-go (Docker Compose 2.17+, yaml.v3) refuses a second merge key in one mapping;
        // several sources go in one list instead (`<<: [*a, *b]`).
        if (firstMerge) {
          this.duplicates.push({
            message: `mapping key "<<" already defined at line ${lineCol(this.source, firstMerge.start).line}: merge several mappings with one key, \`<<: [*a, *b]\``,
            origin: this.origin(k) ?? { source: this.source, start: 0, end: 0 },
          });
          continue;
        }
        firstMerge = this.origin(k);
        const v = pair.value;
        if (Y().isSeq(v)) {
          for (const item of v.items as Node[]) mergeSources.push(item);
        } else if (v) mergeSources.push(v);
        continue;
      }
      const key = this.keyString(k);
      // Checked here rather than by the yaml package, whose uniqueKeys check is quadratic per mapping.
      if (Object.prototype.hasOwnProperty.call(obj, key)) {
        const first = keyOriginOf(obj, key);
        const where = first ? lineCol(this.source, first.start) : undefined;
        this.duplicates.push({
          message: `duplicate key ${JSON.stringify(key)}${where ? ` (first defined at line ${where.line}, column ${where.column})` : ''}`,
          origin: this.origin(k) ?? { source: this.source, start: 0, end: 0 },
        });
        continue;
      }
      const vnode = pair.value;
      const val = this.value(vnode, depth + 1, viaAlias);
      setOwn(obj, key, val);
      setKeyOrigin(obj, key, this.origin(k));
      if (vnode && !Y().isMap(vnode) && !Y().isSeq(vnode)) setOrigin(obj, key, this.origin(vnode) ?? this.origin(k));
      else if (!vnode) setOrigin(obj, key, this.origin(k));
      const tag = vnode && (vnode as Scalar).tag;
      if (tag === '!reset' || tag === '!override') setMergeTag(obj, key, tag === '!reset' ? 'reset' : 'override');
    }
    // Merge keys: explicit keys win; among several sources the earlier one wins.
    for (const src of mergeSources) {
      const target = Y().isAlias(src) ? this.resolve(src) : src;
      if (!target || !Y().isMap(target)) throw new ParseAbort('a merge key (<<) must refer to a mapping or a list of mappings', src);
      const merged = this.value(target, depth + 1, true) as Record<string, unknown>;
      for (const key of Object.keys(merged)) {
        if (Object.prototype.hasOwnProperty.call(obj, key)) continue;
        setOwn(obj, key, merged[key]);
        copyEntryOrigins(obj, merged, key);
      }
    }
    return obj;
  }

  private seq(node: YAMLSeq, depth: number, viaAlias: boolean): unknown[] {
    const arr: unknown[] = [];
    setSelfOrigin(arr, this.origin(node));
    const items = node.items as (Node | null)[];
    for (let i = 0; i < items.length; i++) {
      const n = items[i];
      arr.push(this.value(n, depth + 1, viaAlias));
      if (n && !Y().isMap(n) && !Y().isSeq(n)) setOrigin(arr, i, this.origin(n));
      const tag = n && (n as Scalar).tag;
      if (tag === '!reset' || tag === '!override') setMergeTag(arr, i, tag === '!reset' ? 'reset' : 'override');
    }
    return arr;
  }
}

function copyEntryOrigins(dst: Record<string, unknown>, src: Record<string, unknown>, key: string): void {
  copyOrigin(dst, key, src, key);
  const t = mergeTagOf(src, key);
  if (t) setMergeTag(dst, key, t);
}
