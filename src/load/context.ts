/** State shared by the load steps of one project: what was read, and the problems found on the way. */
import type { SourceFile } from '../model/source';
import type { FileDocument } from '../model/project';
import type { LoadProblem } from '../types';

export type { LoadProblem };

/** A fatal problem: the CLI prints it on one line and exits 2. */
export class LoadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LoadError';
  }
}

export interface LoadContext {
  /** Directory that relative display paths are computed from (the user's cwd). */
  cwd: string;
  /** Interpolate values (false for `config --no-interpolate`). */
  interpolate: boolean;
  problems: LoadProblem[];
  /** Every source read, by absolute path; each file is read and parsed once. */
  sources: Map<string, SourceFile>;
  /** Text given on stdin, used for the path '-'. */
  stdin?: string;
  /** The name stdin's text is shown under in a fatal error: the `--stdin-filename` path (display form), else `<stdin>`. */
  stdinShown?: string;
  /** Each compose file's own top-level dict (interpolated, before merging), in load order. */
  documents: FileDocument[];
  /**
   * Include entries already loaded in this load, by files + project directory + environment: a
   * diamond of includes (two files including the same one, 20 levels deep) loads each entry once
   * instead of once per path to it.
   */
  includes: Map<string, Record<string, unknown> | undefined>;
  /** Receives one line per step worth explaining (`--debug`): which YAML reader read a file and why. */
  onDebug?: (line: string) => void;
  /**
   * Paths (formatPath: `services.web.image`) of values that used an unset variable, as the
   * interpolation step reported them: also the values reached through a YAML alias, whose text
   * (`*image`) shows no variable.
   */
  unsetPaths: Set<string>;
}

export function newLoadContext(cwd: string, interpolate = true, stdin?: string, onDebug?: (line: string) => void): LoadContext {
  return { cwd, interpolate, problems: [], sources: new Map(), stdin, documents: [], includes: new Map(), onDebug, unsetPaths: new Set() };
}
