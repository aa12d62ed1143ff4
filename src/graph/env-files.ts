/**
 * The contents of services' `env_file`s, each value with the place it is written, so a host name
 * found there is reported in the env file itself. Each file is read and parsed once per project.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseDotenvWithLines } from '../load/dotenv';
import { makeSource, offsetOf, SourceFile } from '../model/source';
import type { Origin } from '../model/origin';
import type { Project } from '../model/project';

export interface EnvFileEntry {
  key: string;
  value: string;
  /** The value on its line (the rest of the line when the value is quoted or spans lines). */
  origin: Origin;
}

export class EnvFileReader {
  private readonly cache = new Map<string, EnvFileEntry[] | undefined>();
  private readonly base: string | undefined;

  constructor(private readonly project: Project) {
    this.base = displayBase(project);
  }

  /** Entries of the env file at `file` (relative to the project directory), or undefined when it cannot be read or parsed. */
  entries(file: string): EnvFileEntry[] | undefined {
    const abs = path.resolve(this.project.workingDir, file);
    if (!this.cache.has(abs)) this.cache.set(abs, this.read(abs));
    return this.cache.get(abs);
  }

  private read(abs: string): EnvFileEntry[] | undefined {
    let text: string;
    try {
      text = fs.readFileSync(abs, 'utf8');
    } catch {
      return undefined; // a missing env_file is the loader's to report
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    let parsed;
    try {
      parsed = parseDotenvWithLines(text, (k) => this.project.env[k]);
    } catch {
      return undefined;
    }
    const source = this.sourceFor(abs, text);
    return Object.entries(parsed.values).map(([key, value]) => ({ key, value, origin: valueOrigin(source, parsed.lines[key], key, value) }));
  }

  /** The project's own SourceFile when the loader read this file too (e.g. `.env`), so positions share one object. */
  private sourceFor(abs: string, text: string): SourceFile {
    const shown = this.base === undefined ? abs : toDisplay(this.base, abs);
    return this.project.sources.find((s) => s.path === shown) ?? makeSource(shown, text);
  }
}

/**
 * Display paths are relative to the directory the user ran from, which the project does not record;
 * recover it from a compose file's absolute path and its display path (`/w/app/compose.yaml` shown
 * as `app/compose.yaml` -> `/w`). Undefined when display paths are absolute.
 */
function displayBase(project: Project): string | undefined {
  let best: string | undefined;
  let bestLength = -1;
  for (const abs of project.files) {
    const posixAbs = abs.split(path.sep).join('/');
    for (const s of project.sources) {
      if (path.isAbsolute(s.path) || s.path.length <= bestLength) continue;
      if (posixAbs.endsWith(`/${s.path}`)) {
        best = posixAbs.slice(0, posixAbs.length - s.path.length - 1);
        bestLength = s.path.length;
      }
    }
  }
  return best;
}

function toDisplay(base: string, abs: string): string {
  const rel = path.posix.relative(base, abs.split(path.sep).join('/'));
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : abs;
}

/** `KEY=value`, `export KEY=value`, `KEY: value`, `KEY="value"` -> the offsets of the value on line `line`. */
function valueOrigin(source: SourceFile, line: number, key: string, value: string): Origin {
  const lineStart = offsetOf(source, line, 1);
  const nl = source.text.indexOf('\n', lineStart);
  const lineEnd = nl === -1 ? source.text.length : nl;
  const text = source.text.slice(lineStart, lineEnd);
  const m = /^\s*(?:export\s+)?/.exec(text);
  let at = (m ? m[0].length : 0) + key.length;
  const skipBlanks = (): void => {
    while (at < text.length && (text[at] === ' ' || text[at] === '\t')) at++;
  };
  skipBlanks();
  if (text[at] === '=' || text[at] === ':') at++;
  skipBlanks();
  const start = lineStart + at;
  const literal = source.text.startsWith(value, start);
  return { source, start, end: literal ? start + value.length : lineEnd };
}
