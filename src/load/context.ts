/** State shared by the load steps of one project: what was read, and the problems found on the way. */
import type { Origin } from '../model/origin';
import type { SourceFile } from '../model/source';
import type { Severity } from '../types';

/** A problem found while loading; the engine turns these into findings of the named rule. */
export interface LoadProblem {
  /** Rule id: 'yaml-syntax' | 'schema' | 'interpolation' | 'load-error' | ... */
  rule: string;
  severity: Severity;
  message: string;
  origin?: Origin;
  /** Display path when there is no origin (e.g. a file that could not be read). */
  file?: string;
  service?: string;
  value?: string;
}

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
  /** Each compose file's own top-level dict (interpolated, before merging), in load order. */
  documents: FileDocument[];
}

export interface FileDocument {
  source: SourceFile;
  dict: Record<string, unknown>;
}

export function newLoadContext(cwd: string, interpolate = true, stdin?: string): LoadContext {
  return { cwd, interpolate, problems: [], sources: new Map(), stdin, documents: [] };
}
