/**
 * The short syntax of a service's `volumes` entry, `[SOURCE:]TARGET[:MODE]`, split as compose-go's
 * format/volume.go ParseVolume does; the one reader of it for the merge (mount targets are merge
 * keys, read before interpolation), the schema check, the canonical model, the model's mount list
 * and the rules.
 *
 * Facts (compose-go format/volume.go, v2.13): a spec of one or two characters is a target alone; a
 * `:` inside `${...}` (nested ones too) is not a separator, and a `${` left open to the end leaves
 * the last section unread (compose-go#830, for `${VAR:-default}` read before interpolation); a `:`
 * after a one-letter section is part of a Windows drive (`C:\data`), not a separator; an empty
 * section and a fourth section are errors; MODE is a comma list in which `ro` and `rw` set read-only
 * (the last one wins), the last of the propagation options (`rprivate`, `private`, `rshared`, `shared`,
 * `rslave`, `slave`, matched exactly) sets the bind propagation, and other options are kept. A source is a host path (a bind) when it starts
 * with `.`, `/`, `~`, `\\` or a Windows drive (isFilePath), else it names a volume.
 */

export interface ShortVolume {
  /** The source as written; '' for an anonymous volume. */
  source: string;
  target: string;
  /** The MODE options in order (`ro`, `z`, `nocopy`, `rshared`, ...); [] without a MODE. */
  options: string[];
  /** The MODE's `ro`/`rw`, the last one winning; false without either. */
  readOnly: boolean;
  /** The last MODE option that is a propagation (PROPAGATIONS), as compose-go's setBindOption keeps it; absent without one. */
  propagation?: string;
  /** `bind` for a host path source, else `volume` (named, or anonymous without a source). */
  type: 'bind' | 'volume';
  /** Why compose-go refuses the spec (`empty section between colons`, `too many colons`); the fields above are still filled from the sections found. */
  error?: string;
}

/** The MODE options that set a bind's propagation (compose-go format/volume.go Propagations); matched exactly, case and spaces included. */
const PROPAGATIONS: ReadonlySet<string> = new Set(['rprivate', 'private', 'rshared', 'shared', 'rslave', 'slave']);

/** A section that a following `:` makes a Windows drive (compose-go isWindowsDrive: one letter, one code point). */
const isDriveLetter = (section: string): boolean => section.length <= 2 && [...section].length === 1 && /\p{L}/u.test(section);

/** Split a short volume spec; see the module comment for the rules. */
export function parseShortVolume(spec: string): ShortVolume {
  if (spec === '') return { source: '', target: '', options: [], readOnly: false, type: 'volume', error: 'invalid empty volume spec' };
  if (spec.length <= 2) return { source: '', target: spec, options: [], readOnly: false, type: 'volume' };
  const sections: string[] = [];
  let buffer = '';
  let substitutions = 0; // depth of `${` open at this point
  const chars = [...spec];
  chars.forEach((c, i) => {
    if (c === '$' && chars[i + 1] === '{') substitutions++;
    else if (c === '}' && substitutions > 0) substitutions--;
    else if (c === ':' && substitutions === 0 && !isDriveLetter(buffer)) {
      sections.push(buffer);
      buffer = '';
      return;
    }
    buffer += c;
  });
  // The end of the spec closes the last section, unless a `${` is still open (compose-go then never reads it).
  const closed = substitutions === 0;
  if (closed) sections.push(buffer);
  // A lone section closed by the end is the target (an anonymous volume); otherwise the first is the source.
  const [source, target] = sections.length === 1 && closed ? ['', sections[0]] : [sections[0] ?? '', sections[1] ?? ''];
  const options = sections.length > 2 ? sections[2].split(',') : [];
  let readOnly = false;
  let propagation: string | undefined;
  for (const o of options) {
    if (o === 'ro' || o === 'rw') readOnly = o === 'ro';
    else if (PROPAGATIONS.has(o)) propagation = o;
  }
  const error = sections.includes('') ? 'empty section between colons' : sections.length > 3 ? 'too many colons' : undefined;
  return { source, target, options, readOnly, ...(propagation ? { propagation } : {}), type: isHostPath(source) ? 'bind' : 'volume', ...(error ? { error } : {}) };
}

/** compose-go isFilePath: a volume source that is a host path (`.`, `/`, `~`, `\\`, or a Windows drive `C:`). */
export function isHostPath(source: string): boolean {
  if (source === '') return false;
  if ('./~'.includes(source[0]) || source.startsWith('\\\\')) return true;
  const first = String.fromCodePoint(source.codePointAt(0)!);
  return source[first.length] === ':' && isDriveLetter(first);
}
