/**
 * Interpolation of one parsed compose document, as compose-go does it per file before merging:
 * every string value (never a key) goes through `substitute`; unset variables become "" with a
 * warning, a failing value (`${X:?msg}`, invalid template) is reported and left as written.
 *
 * The dict is changed IN PLACE and returned: origins and merge tags live in side tables keyed by
 * the containers, so updating values in their containers keeps both without copying anything.
 * (The parser builds fresh containers for every alias use, so no container is shared.)
 */
import { Origin, originOf } from '../model/origin';
import { substitute, unsetWarning, TemplateError } from './template';

export type PathStep = string | number;

export interface InterpolationProblem {
  kind: 'unset' | 'required' | 'invalid';
  variable?: string;
  /** One line: composeMessage with its line breaks turned into spaces. */
  message: string;
  /** Exactly what compose prints (an invalid template's message spans three lines). */
  composeMessage: string;
  /** The `${VAR}` / `$VAR` text when the scalar's source holds the value verbatim, else the scalar. */
  origin?: Origin;
  path: PathStep[];
}

export function interpolateTree(dict: Record<string, unknown>, env: Record<string, string>, onProblem: (p: InterpolationProblem) => void): Record<string, unknown> {
  // Looked up one by one (own keys only), not copied: the variables read are the project's inputs (inputs.ts).
  new TreeInterpolator((name) => (Object.hasOwn(env, name) ? env[name] : undefined), onProblem).container(dict);
  return dict;
}

type Container = Record<PathStep, unknown>;

class TreeInterpolator {
  /** Keys from the root to the container being visited. */
  private readonly path: PathStep[] = [];
  constructor(
    private readonly lookup: (name: string) => string | undefined,
    private readonly onProblem: (p: InterpolationProblem) => void,
  ) {}

  container(c: Container): void {
    if (Array.isArray(c)) for (let i = 0; i < c.length; i++) this.entry(c, i);
    else {
      // Indexed, not for-of: whole-tree walks run mostly before the optimizer, where each for-of step allocates.
      const keys = Object.keys(c);
      for (let i = 0; i < keys.length; i++) this.entry(c, keys[i]);
    }
  }

  private entry(c: Container, key: PathStep): void {
    const v = c[key];
    if (typeof v === 'string') {
      if (v.indexOf('$') !== -1) this.value(c, key, v);
    } else if (v !== null && typeof v === 'object') {
      this.path.push(key);
      this.container(v as Container);
      this.path.pop();
    }
  }

  private value(c: Container, key: PathStep, template: string): void {
    let r: ReturnType<typeof substitute>;
    try {
      r = substitute(template, this.lookup);
    } catch (e) {
      if (!(e instanceof TemplateError)) throw e;
      const path = [...this.path, key];
      const report = this.reporter(c, key, template, path);
      const where = composePath(path);
      if (e.kind === 'required') report('required', `error while interpolating ${where}: ${e.message}`, e.index, e.end, e.variable);
      else report('invalid', `invalid interpolation format for ${where}.\nYou may need to escape any $ with another $.\n${e.template}`, e.index, e.end);
      return;
    }
    c[key] = r.value;
    if (r.unset.length === 0) return; // the common case: no path, no closures (issue 13)
    const report = this.reporter(c, key, template, [...this.path, key]);
    for (const u of r.unset) report('unset', unsetWarning(u.name), u.index, u.end, u.name);
  }

  /**
   * Reports problems of the scalar at `path`: its place in the source is found once, not per
   * problem (one scalar can hold thousands of them, `${A}` repeated).
   */
  private reporter(
    c: Container,
    key: PathStep,
    template: string,
    path: PathStep[],
  ): (kind: InterpolationProblem['kind'], composeMessage: string, start: number, end: number, variable?: string) => void {
    const narrow = scalarNarrower(c, key, template);
    return (kind, composeMessage, start, end, variable) => this.onProblem({ kind, variable, message: composeMessage.replace(/\n/g, ' '), composeMessage, origin: narrow(start, end), path });
  }
}

/**
 * The part [start, end) (UTF-16 offsets into `value`) of a scalar's value, located in the source
 * when the scalar's text holds the value verbatim; else the whole scalar; undefined without an
 * origin. The scalar's text is searched once, on the first call, however many parts are asked for.
 */
function scalarNarrower(container: unknown, key: PathStep, value: string): (start: number, end: number) => Origin | undefined {
  let located = false;
  let o: Origin | undefined;
  let at = -1;
  return (start, end) => {
    if (!located) {
      located = true;
      o = originOf(container, key);
      if (o) at = o.source.text.slice(o.start, o.end).indexOf(value);
    }
    if (!o || at === -1) return o;
    return { source: o.source, start: o.start + at + start, end: o.start + at + end };
  };
}

/**
 * A path as compose-go names it in messages: keys joined with ".", list items as "[]", and dots
 * inside keys below the top level replaced by "👻" (compose-go's escape).
 */
export function composePath(path: readonly PathStep[]): string {
  return path.map((p, i) => (typeof p === 'number' ? '[]' : i === 0 ? p : p.replace(/\./g, '👻'))).join('.');
}
