/**
 * Byte-exact edits that add a setting to a service, for rule suggestions (e.g. `security_opt:
 * [no-new-privileges:true]`). The edit is planned on the text of the file that defines the
 * service, never re-serialized: it keeps the file's indentation, its way of indenting block
 * sequences and its line endings, and touches no other line.
 *
 * It declines (returns undefined) rather than guess: a service written as a flow mapping
 * (`web: {image: x}`), an anchored or aliased service (`web: &base`, `web: *base`), a service
 * that merges a YAML anchor (`<<: *base`, which the new key could shadow), or a list written in
 * flow style or through an alias. Values that came from `${VAR}` are never edited: only new lines
 * are inserted.
 */
import type { Fix, TextEdit } from '../types';
import type { Project } from '../model/project';
import { keyOriginOf, Origin } from '../model/origin';
import { lineStartAt, nextLineStartAt } from './line-edits';

interface Line {
  start: number;
  /** Offset of the line break (or the end of the text). */
  end: number;
  /** The line without its line break (and without a `\r`). */
  text: string;
  indent: number;
  /** Blank, or only a comment. */
  empty: boolean;
}

function lineAt(text: string, start: number): Line {
  const nl = text.indexOf('\n', start);
  const end = nl === -1 ? text.length : nl;
  const body = text.slice(start, end).replace(/\r$/, '');
  const indent = /^ */.exec(body)![0].length;
  const rest = body.slice(indent);
  return { start, end, text: body, indent, empty: rest === '' || rest.startsWith('#') };
}

/** The lines of a service's block mapping, from the line after its key. */
export interface ServiceBlock {
  /** Indentation of the service's own keys (columns, 0-based). */
  childIndent: number;
  keyIndent: number;
  /** Content lines (blank and comment lines at or above the key level left out). */
  lines: Line[];
  /** Where a new key goes: just past the last content line. */
  end: number;
}

/**
 * The block mapping under a service key, or undefined when the service is not a plain block
 * mapping (flow mapping, anchor, alias, tag, empty) or merges an anchor (`<<`).
 */
export function serviceBlock(text: string, key: Origin): ServiceBlock | undefined {
  const keyLine = lineAt(text, lineStartAt(text, key.start));
  const keyIndent = key.start - keyLine.start;
  if (!/^ *$/.test(text.slice(keyLine.start, key.start))) return undefined; // `- web:` or a flow mapping
  if (!/^[ \t]*:[ \t]*(#.*)?$/.test(text.slice(key.end, keyLine.end).replace(/\r$/, ''))) return undefined;
  const lines: Line[] = [];
  let childIndent = -1;
  for (let at = nextLineStartAt(text, keyLine.end); at < text.length; at = nextLineStartAt(text, at)) {
    const line = lineAt(text, at);
    // Comments deeper than the keys may be block-scalar content: keep them inside the block.
    if (line.empty && (childIndent === -1 || line.indent <= childIndent || line.text.trim() === '')) continue;
    if (line.indent <= keyIndent) break;
    if (childIndent === -1) childIndent = line.indent;
    lines.push(line);
  }
  if (childIndent === -1) return undefined;
  if (lines.some((l) => l.indent === childIndent && /^ *(<<|"<<"|'<<')[ \t]*:/.test(l.text))) return undefined;
  const last = lines[lines.length - 1];
  return { childIndent, keyIndent, lines, end: nextLineStartAt(text, last.end) };
}

/** How far the file indents a block sequence under its key (`key:\n  - x` is 2, `key:\n- x` is 0); `fallback` when it has none. */
export function sequenceIndent(text: string, fallback: number): number {
  const m = /^( *)[^\s#-][^\n]*?:[ \t]*(?:#[^\n]*)?\r?\n(?:[ \t]*(?:#[^\n]*)?\r?\n)*( *)-[ \t]/m.exec(text);
  return m && m[2].length >= m[1].length ? m[2].length - m[1].length : fallback;
}

const keyPattern = (key: string): RegExp => new RegExp(`^ *(${key}|"${key}"|'${key}')[ \\t]*:(.*)$`);

/**
 * The edit that appends `item` to the block list `key` of a service block, or undefined when the
 * list is not a block sequence written right there.
 */
function appendToList(text: string, block: ServiceBlock, key: string, item: string, eol: string): TextEdit | undefined {
  const i = block.lines.findIndex((l) => l.indent === block.childIndent && keyPattern(key).test(l.text));
  const value = keyPattern(key).exec(block.lines[i].text)![2];
  if (!/^[ \t]*(#.*)?$/.test(value)) return undefined; // a flow list, an alias or a scalar on the key's line
  const first = block.lines[i + 1];
  if (!first || first.indent < block.childIndent || !/^ *-( |$)/.test(first.text)) return undefined;
  let last = first;
  for (const l of block.lines.slice(i + 2)) {
    if (l.indent < first.indent || (l.indent === first.indent && !/^ *-( |$)/.test(l.text))) break;
    last = l;
  }
  const at = nextLineStartAt(text, last.end);
  return { start: at, end: at, text: `${at === text.length && !text.endsWith('\n') ? eol : ''}${' '.repeat(first.indent)}- ${item}${eol}` };
}

/** Where a service is written in a file of the project: the documents that define it, compose files first. */
function definitions(project: Project, service: string): { text: string; file: string; key: Origin; docIndex: number }[] {
  const out: { text: string; file: string; key: Origin; own: boolean; docIndex: number }[] = [];
  const seen = new Map<string, number>(); // documents per file so far: the index a fix names its values by
  for (const doc of project.documents) {
    const docIndex = seen.get(doc.source.path) ?? 0;
    seen.set(doc.source.path, docIndex + 1);
    const services = doc.dict.services;
    if (!services || typeof services !== 'object' || !Object.prototype.hasOwnProperty.call(services, service)) continue;
    const key = keyOriginOf(services, service);
    if (!key || key.source !== doc.source || out.some((d) => d.key.source === key.source && d.key.start === key.start)) continue;
    out.push({ text: doc.source.text, file: doc.source.path, key, own: project.files.includes(doc.source.path), docIndex });
  }
  // Extended or included files serve other projects too: edit them only when nothing else defines the service.
  return out.some((d) => d.own) ? out.filter((d) => d.own) : out;
}

/**
 * A fix that makes the list `key` of `service` hold `item`: appended to the list where a file of
 * the project writes it (the last such file, as it wins a merge), else a new `key:` with the one
 * item at the end of the service in the first file defining it. `item` is written as given (a
 * plain YAML scalar such as `ALL` or `no-new-privileges:true`).
 */
export function addListItem(project: Project, service: string, key: string, item: string): Fix | undefined {
  const defs = definitions(project, service);
  const blocks = defs.map((d) => ({ ...d, block: serviceBlock(d.text, d.key) }));
  if (blocks.some((b) => !b.block)) return undefined; // one definition we cannot read: don't guess
  const eolOf = (t: string): string => (t.includes('\r\n') ? '\r\n' : '\n');
  const holder = [...blocks].reverse().find((b) => b.block!.lines.some((l) => l.indent === b.block!.childIndent && keyPattern(key).test(l.text)));
  if (holder) {
    const edit = appendToList(holder.text, holder.block!, key, item, eolOf(holder.text));
    return edit && { file: holder.file, edits: [edit], changes: [[holder.docIndex, 'services', service, key]] };
  }
  const target = blocks[0];
  if (!target) return undefined;
  const { text, block } = target as { text: string; block: ServiceBlock };
  const eol = eolOf(text);
  const ind = ' '.repeat(block.childIndent);
  const seq = ' '.repeat(sequenceIndent(text, block.childIndent - block.keyIndent));
  const at = block.end;
  const lead = at === text.length && !text.endsWith('\n') ? eol : '';
  return { file: target.file, edits: [{ start: at, end: at, text: `${lead}${ind}${key}:${eol}${ind}${seq}- ${item}${eol}` }], changes: [[target.docIndex, 'services', service, key]] };
}
