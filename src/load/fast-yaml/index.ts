/**
 * The fast YAML reader: one hand-written pass over the text for the YAML that compose files are
 * made of, building the same plain values, origins and merge tags as the `yaml`-package path in
 * parse.ts, several times faster. Modules: scanner.ts (cursor, lines, indentation, comments, scalar
 * text), builder.ts (values, origins, anchors, aliases, merges, the slow path's node count),
 * parser.ts (the grammar that drives both), core-schema.ts (plain scalar typing).
 *
 * It reads a subset (see parser.ts) and declines the rest: an expected outcome, after which the
 * `yaml` package reads the file and reports exact errors (files with errors are always declined).
 * An exception other than a Decline is a bug in this reader; fastRead reports it as `crashed`, and
 * the caller decides (parse.ts falls back in production and rethrows in tests).
 */
import type { SourceFile } from '../../model/source';
import { Builder } from './builder';
import { Decline } from './decline';
import { Parser } from './parser';
import { Scanner } from './scanner';

/** The fast reader declined the text: outside its subset or doubtful. */
export interface FastReadDeclined {
  outcome: 'declined';
  /** What it does not handle, in a few words. */
  reason: string;
  /** Where it met it: a UTF-16 offset into the text (0 for limits over the whole file). */
  offset: number;
}

/** The fast reader threw something other than a Decline: a bug in it. */
export interface FastReadCrashed {
  outcome: 'crashed';
  error: unknown;
}

type FastReadResult = { outcome: 'read'; documents: Record<string, unknown>[] } | FastReadDeclined | FastReadCrashed;

/**
 * Read `source` with the fast reader: its documents (always one), or why it did not. Never throws.
 */
export function fastRead(source: SourceFile): FastReadResult {
  const text = source.text;
  // CR line ends and a BOM anywhere (the yaml package skips one at any line start) change
  // offsets and keys in ways the scanner does not model.
  const cr = text.indexOf('\r');
  if (cr !== -1) return { outcome: 'declined', reason: 'a CR (CRLF line ends)', offset: cr };
  const bom = text.indexOf('\ufeff');
  if (bom !== -1) return { outcome: 'declined', reason: 'a byte order mark', offset: bom };
  try {
    return { outcome: 'read', documents: [new Parser(new Scanner(text), new Builder(source)).document()] };
  } catch (e) {
    if (e instanceof Decline) return { outcome: 'declined', reason: e.reason, offset: e.offset };
    return { outcome: 'crashed', error: e };
  }
}
