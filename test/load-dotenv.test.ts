import * as table from '../fixtures/spec-cases/dotenv.json';
import { parseDotenv, parseDotenvWithLines, readDotenv, envFromFiles, envFromFilesWithLines, expandEscapes, DotenvError } from '../src/load/dotenv';

interface DotenvCase {
  id: string;
  api: string;
  input?: string;
  files?: string[];
  lookup?: Record<string, string>;
  current_env?: Record<string, string>;
  expected?: Record<string, string>;
  observed_full?: Record<string, string>;
  match?: 'exact' | 'subset';
  warnings?: string[];
  executable?: boolean;
  error?: { message?: string; message_contains?: string; observed_message?: string; message_suffix?: string };
}

const cases = (table as unknown as { cases: DotenvCase[] }).cases;

function thrown(f: () => unknown): DotenvError | undefined {
  try {
    f();
  } catch (e) {
    return e as DotenvError;
  }
  return undefined;
}

const fromMap = (m: Record<string, string> | undefined) => (m ? (k: string) => (Object.prototype.hasOwnProperty.call(m, k) ? m[k] : undefined) : undefined);

/** Runs a case through the entry point its `api` names; returns the values and the warnings. */
function run(c: DotenvCase): { values: Record<string, string>; warnings: string[] } {
  const lookup = fromMap(c.lookup);
  switch (c.api) {
    case 'Parse':
    case 'parse':
    case 'ParseWithLookup': {
      const r = parseDotenvWithLines(c.input!, lookup);
      return { values: r.values, warnings: r.warnings.map((w) => w.message) };
    }
    case 'Read':
    case 'ReadWithLookup': {
      const warnings = parseDotenvWithLines(c.input!, lookup).warnings.map((w) => w.message);
      return { values: readDotenv(c.input!, lookup), warnings };
    }
    case 'GetEnvFromFile': {
      const files = c.files!.map((text, i) => ({ path: `f${i}.env`, text }));
      const r = envFromFilesWithLines(files, c.current_env ?? {});
      return { values: r.values, warnings: r.warnings.map((w) => w.message) };
    }
  }
  throw new Error(`unknown api ${c.api}`);
}

describe('dotenv spec cases (compose-go e70e961)', () => {
  test('the table has 97 cases', () => expect(cases).toHaveLength(97));

  for (const c of cases) {
    if (c.executable === false) {
      // Needs a directory on disk (GetEnvFromFile on a directory); the file system side is the loader's.
      test.skip(`${c.id} (documented only)`, () => undefined);
      continue;
    }
    test(c.id, () => {
      if (c.error) {
        const err = thrown(() => run(c));
        expect(err).toBeInstanceOf(DotenvError);
        const msg = err!.message;
        if (c.error.message !== undefined) expect(msg).toBe(c.error.message);
        if (c.error.observed_message !== undefined) expect(msg).toBe(c.error.observed_message);
        expect(msg).toContain(c.error.message_contains ?? '');
        expect(msg).not.toContain('\n');
        expect(msg).toMatch(new RegExp(`^line ${err!.line}: `));
        return;
      }
      const { values, warnings } = run(c);
      if (c.match === 'exact') expect(values).toEqual(c.expected);
      else expect(values).toMatchObject(c.expected!);
      if (c.observed_full) expect(values).toEqual(c.observed_full);
      if (c.warnings) expect(warnings).toEqual(c.warnings);
    });
  }
});

describe('parseDotenvWithLines', () => {
  test('records the line of each definition (last one wins) and of each warning', () => {
    const text = '# comment\nA=1\n\nB="two\nlines"\n  export C=${MISSING}\nA=again\nD\n';
    const r = parseDotenvWithLines(text, (k) => (k === 'D' ? 'from-os' : undefined));
    expect(r.values).toEqual({ A: 'again', B: 'two\nlines', C: '', D: 'from-os' });
    expect(r.lines).toEqual({ B: 4, C: 6, A: 7, D: 8 });
    expect(r.warnings).toEqual([{ variable: 'MISSING', line: 6, message: 'The "MISSING" variable is not set. Defaulting to a blank string.' }]);
  });

  test('a byte order mark does not shift lines, and CRLF line ends are trimmed', () => {
    const r = parseDotenvWithLines('\uFEFFA=1\r\nB = two \r\n');
    expect(r.values).toEqual({ A: '1', B: 'two' });
    expect(r.lines).toEqual({ A: 1, B: 2 });
  });

  test('"__proto__" is an ordinary key', () => {
    const v = parseDotenv('__proto__=x\n');
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(Object.keys(v)).toEqual(['__proto__']);
    expect(v['__proto__' as keyof typeof v]).toBe('x');
  });
});

describe('compose-go quirks kept on purpose', () => {
  test('text after a closing quote starts a new statement', () => {
    expect(parseDotenv('A="x" B=y\n')).toEqual({ A: 'x', B: 'y' });
  });
  test('a last line without "=" or line break sets the empty key', () => {
    expect(parseDotenv('A=1\nJUNK')).toEqual({ A: '1', '': 'JUNK' });
  });
  test('only " #" starts an inline comment', () => {
    expect(parseDotenv('A=x\t# not a comment\nB=y #c\n')).toEqual({ A: 'x\t# not a comment', B: 'y' });
  });
  test('"export" alone is a zero length statement', () => {
    expect(() => parseDotenv('export ')).toThrow(new DotenvError('zero length string', 1, 0));
  });
  test('an unterminated quote reports the line count at the end of the file', () => {
    const err = thrown(() => parseDotenv('A=1\nB="open\nC=3\n'));
    expect(err?.message).toBe('line 4: unterminated quoted value "open');
    expect(err?.line).toBe(4);
    expect(err?.offset).toBe(4);
  });
  test('a bad key character is quoted the way Go quotes it', () => {
    expect(() => parseDotenv('A=1\nB\u0001=2')).toThrow('line 2: unexpected character "\\x01" in variable name "B\\x01=2"');
  });
  test('a template error in a value is reported with the statement line', () => {
    const err = thrown(() => parseDotenv('A=1\n\nB=${NEED:?set it}\n'));
    expect(err?.message).toBe('required variable NEED is missing a value: set it');
    expect(err?.line).toBe(3);
  });
});

describe('expandEscapes', () => {
  test.each([
    ['\\$HOME', '$$HOME'],
    ['\\0123', 'S'],
    ['\\0377', '\u00ff'],
    ['\\0', '\\'],
    ['\\012', '\\12'],
    ['\\0400', '\\400'],
    ['\\0999', '\\999'],
    ['\\c\\x', '\\c\\x'],
    ['a\\\\n', 'a\\n'],
  ])('%s -> %s', (input, out) => expect(expandEscapes(input)).toBe(out));
});

describe('envFromFiles', () => {
  test('later files win, the current env is consulted first, bare keys read the current env', () => {
    const files = [
      { path: 'a.env', text: 'HOST=a\nURL=http://${HOST}/${PORT}\nPORT=1\n' },
      { path: 'b.env', text: 'PORT=2\nUSER\nTAG=${PORT}-${ONLY_OS}\n' },
    ];
    expect(envFromFiles(files, { ONLY_OS: 'os', USER: 'me' })).toEqual({ HOST: 'a', URL: 'http://a/', PORT: '2', USER: 'me', TAG: '2-os' });
    const r = envFromFilesWithLines(files, { USER: 'me' });
    expect(r.definedAt).toEqual({
      HOST: { path: 'a.env', line: 1 },
      URL: { path: 'a.env', line: 2 },
      PORT: { path: 'b.env', line: 1 },
      USER: { path: 'b.env', line: 2 },
      TAG: { path: 'b.env', line: 3 },
    });
    expect(r.warnings.map((w) => [w.path, w.line, w.variable])).toEqual([
      ['a.env', 2, 'PORT'],
      ['b.env', 3, 'ONLY_OS'],
    ]);
  });

  test('errors name the file', () => {
    const err = thrown(() =>
      envFromFiles(
        [
          { path: 'ok.env', text: 'A=1' },
          { path: 'bad.env', text: 'A=1\nB C=2\n' },
        ],
        {},
      ),
    );
    expect(err?.file).toBe('bad.env');
    expect(err?.message).toBe('line 2: key cannot contain a space');
  });
});
