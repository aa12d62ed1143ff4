/**
 * A byte-exact edit that binds one `ports` entry to the loopback interface (127.0.0.1), for the
 * `port-all-interfaces` suggestion. The edit is made where the entry is written (the file an
 * override or an extended file put it in), touching only that entry:
 *
 *   "5432:5432"          -> "127.0.0.1:5432:5432"      (inside the quotes, if any)
 *   6379                 -> 127.0.0.1::6379            (still an ephemeral host port)
 *   "0.0.0.0:22:22"      -> "127.0.0.1:22:22"          (also `[::]:` and `::`)
 *   - target: 5432       -> a `host_ip: 127.0.0.1` line added to the mapping (or the written
 *     published: 5432       `host_ip: 0.0.0.0` replaced); a flow mapping gets `host_ip: 127.0.0.1, `
 *
 * It declines (returns undefined) rather than guess: an entry written with a `${VAR}`, an entry
 * that is not inside a service's own block mapping (an anchor in an `x-` key, an alias, a merge
 * key, an anchored service: editing it would change every place that uses it), an anchored entry
 * or `ports` list, or a result that would not parse back to the same ports on 127.0.0.1.
 * Short syntax as Docker reads it: docker/go-connections nat.ParsePortSpec (src/model/ports.ts).
 */
import type { Fix, ModelPath, TextEdit } from '../types';
import type { Project } from '../model/project';
import { keyOriginOf, Origin, originOf } from '../model/origin';
import { normalizePorts, PortError, PortMapping } from '../model/ports';
import { lineStartAt, nextLineStartAt } from './line-edits';
import { serviceBlock } from './service-edits';
import { isDict } from '../util/dict';

export const LOOPBACK = '127.0.0.1';

/**
 * The fix that publishes the `ports` entry `entry` (as in the merged model, written at `origin`)
 * on 127.0.0.1 only, or undefined when it cannot be done safely (see the module comment).
 */
export function bindToLoopback(project: Project, entry: unknown, origin: Origin | undefined): Fix | undefined {
  const at = origin && servicePortsEntry(project, origin);
  if (!origin || !at) return undefined;
  const text = origin.source.text;
  const edit = typeof entry === 'string' || typeof entry === 'number' ? shortEdit(text, origin) : isDict(entry) ? longEdit(text, entry, origin) : undefined;
  if (!edit || !sameOnLoopback(entry, text, origin, edit)) return undefined;
  return { file: origin.source.path, edits: [edit], changes: [at] };
}

/** The new text of a short-syntax entry, or undefined when its host IP is written in a way not handled here. */
export function loopbackSpec(spec: string): string | undefined {
  const any = /^(0\.0\.0\.0|\[::\]|::)(?=:)/.exec(spec);
  if (any) return LOOPBACK + spec.slice(any[0].length);
  if (spec.startsWith(':')) return LOOPBACK + spec; // an empty host IP: ":8080:80"
  if (/^[\d.-]+:[\d-]/.test(spec)) return `${LOOPBACK}:${spec}`; // "PUBLISHED:TARGET"
  if (/^[\d-]+(\/\w+)?$/.test(spec)) return `${LOOPBACK}::${spec}`; // "TARGET": an ephemeral host port
  return undefined;
}

/** `"5432:5432"` or `5432` (plain, single- or double-quoted without escapes): the scalar's content rewritten. */
function shortEdit(text: string, origin: Origin): TextEdit | undefined {
  const content = scalarContent(text, origin);
  if (!content) return undefined;
  const next = loopbackSpec(text.slice(content.start, content.end));
  return next === undefined ? undefined : { start: content.start, end: content.end, text: next };
}

/** A long-syntax mapping: `host_ip` replaced when written, else added (a new line, or first in a flow mapping). */
function longEdit(text: string, entry: Record<string, unknown>, origin: Origin): TextEdit | undefined {
  if ('host_ip' in entry) {
    const at = originOf(entry, 'host_ip');
    const content = at && at.source === origin.source ? scalarContent(text, at) : undefined;
    return content && { start: content.start, end: content.end, text: LOOPBACK };
  }
  if (text[origin.start] === '{') {
    let at = origin.start + 1;
    while (text[at] === ' ') at++;
    return { start: at, end: at, text: `host_ip: ${LOOPBACK}, ` };
  }
  // A block mapping: a new key line after its last content line, at its keys' indentation.
  const first = keyOriginOf(entry, Object.keys(entry)[0]);
  if (!first || first.source !== origin.source) return undefined;
  const indent = first.start - lineStartAt(text, first.start);
  if (!/^[ -]*$/.test(text.slice(lineStartAt(text, first.start), first.start))) return undefined;
  const body = text.slice(origin.start, origin.end).replace(/\s+$/, '');
  const at = nextLineStartAt(text, origin.start + body.length - 1);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lead = at === text.length && !/\n$/.test(text) ? eol : '';
  return { start: at, end: at, text: `${lead}${' '.repeat(indent)}host_ip: ${LOOPBACK}${eol}` };
}

/** The content range of a scalar (inside its quotes), or undefined for interpolated, escaped or multi-line scalars. */
function scalarContent(text: string, origin: Origin): { start: number; end: number } | undefined {
  const written = text.slice(origin.start, origin.end);
  if (written.includes('$') || /[\r\n]/.test(written)) return undefined;
  const quote = written[0];
  if (quote === '"' || quote === "'") {
    if (written.length < 2 || written[written.length - 1] !== quote || written.includes('\\') || written.slice(1, -1).includes(quote)) return undefined;
    return { start: origin.start + 1, end: origin.end - 1 };
  }
  return /^[\w.:[\]/-]+$/.test(written) ? { start: origin.start, end: origin.end } : undefined;
}

/**
 * Where the entry at `origin` is written in a `ports` list of a service's own block mapping, with
 * no anchor on the list or the entry (an alias elsewhere would change with it): its path in the
 * file (the document's index in the file first, as Fix.changes names values), or undefined.
 */
function servicePortsEntry(project: Project, origin: Origin): ModelPath | undefined {
  const text = origin.source.text;
  let docIndex = -1;
  for (const doc of project.documents) {
    if (doc.source.path !== origin.source.path) continue;
    docIndex++;
    const services = doc.dict.services;
    if (doc.source !== origin.source || !isDict(services)) continue;
    for (const name of Object.keys(services)) {
      const key = keyOriginOf(services, name);
      if (!key || key.source !== doc.source || origin.start < key.end) continue;
      const block = serviceBlock(text, key);
      if (!block || origin.start >= block.end) continue;
      const keys = block.lines.filter((l) => l.indent === block.childIndent && !/^ *-( |$)/.test(l.text)); // `key:\n- item` puts items at the keys' indentation
      const ports = [...keys].reverse().find((l) => l.start < origin.start);
      const m = ports && /^ *(ports|"ports"|'ports')[ \t]*:(.*)$/.exec(ports.text);
      if (!m || /[&*!]/.test(m[2].replace(/#.*$/, ''))) return undefined;
      if (/&[^\s,[\]{}]+[ \t]*$/.test(text.slice(lineStartAt(text, origin.start), origin.start))) return undefined;
      const list = isDict(services[name]) ? services[name].ports : undefined;
      const index = Array.isArray(list) ? list.findIndex((_, i) => originOf(list, i)?.start === origin.start) : -1;
      return index === -1 ? undefined : [docIndex, 'services', name, 'ports', index];
    }
  }
  return undefined;
}

/** The edited entry still parses, to the same ports, now all on 127.0.0.1. */
function sameOnLoopback(entry: unknown, text: string, origin: Origin, edit: TextEdit): boolean {
  const before = mappings(entry);
  let after: PortMapping[] | undefined;
  if (typeof entry === 'string' || typeof entry === 'number') {
    const written = text.slice(origin.start, edit.start) + edit.text + text.slice(edit.end, origin.end);
    after = mappings(written.replace(/^(["'])(.*)\1$/s, '$2'));
  } else if (isDict(entry)) {
    after = mappings({ ...entry, host_ip: LOOPBACK });
  }
  if (!before?.length || !after || after.length !== before.length) return false;
  return after.every((m, i) => m.host_ip === LOOPBACK && m.target === before[i].target && (m.published ?? '') === (before[i].published ?? '') && m.protocol === before[i].protocol);
}

function mappings(entry: unknown): PortMapping[] | undefined {
  try {
    return normalizePorts(entry);
  } catch (e) {
    if (e instanceof PortError) return undefined;
    throw e;
  }
}
