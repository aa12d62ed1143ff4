import * as table from '../fixtures/spec-cases/interpolation.json';
import { substitute, extractVariables, chooseOperator, goQuote, TemplateError, ExtractedVariable } from '../src/load/template';

interface TemplateCase {
  id: string;
  template: string;
  env: Record<string, string>;
  expected?: string;
  warnings?: number;
  warnings_observed?: number;
  error?: { type: 'InvalidTemplateError' | 'MissingRequiredError'; message: string; variable?: string; reason?: string };
}
interface GoVariable {
  Name: string;
  DefaultValue?: string;
  PresenceValue?: string;
  Required?: boolean;
}
const spec = table as unknown as {
  cases: TemplateCase[];
  operator_choice_cases: { cases: { input: string; symbol: string }[] };
  extract_variables_cases: { cases: { name: string; dict: Record<string, unknown>; expected: Record<string, GoVariable> }[] };
};

const lookupIn = (env: Record<string, string>) => (k: string) => (Object.prototype.hasOwnProperty.call(env, k) ? env[k] : undefined);

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  return undefined;
}

describe('substitution spec cases (compose-go e70e961)', () => {
  test('the table has 115 cases', () => expect(spec.cases).toHaveLength(115));

  for (const c of spec.cases) {
    test(c.id, () => {
      const lookup = lookupIn(c.env);
      if (c.error) {
        const err = thrown(() => substitute(c.template, lookup)) as TemplateError;
        expect(err).toBeInstanceOf(TemplateError);
        expect(err.kind).toBe(c.error.type === 'InvalidTemplateError' ? 'invalid' : 'required');
        expect(err.message).toBe(c.error.message);
        if (c.error.type === 'MissingRequiredError') {
          expect(err.variable).toBe(c.error.variable);
          expect(err.reason).toBe(c.error.reason);
        }
        return;
      }
      const r = substitute(c.template, lookup);
      expect(r.value).toBe(c.expected);
      expect(r.unset).toHaveLength(c.warnings ?? c.warnings_observed ?? 0);
    });
  }
});

describe('operator choice (TestSubstitutionFunctionChoice)', () => {
  for (const c of spec.operator_choice_cases.cases) {
    test(`${c.input} -> ${c.symbol}`, () => expect(chooseOperator(c.input)).toBe(c.symbol));
  }
  test('no operator', () => expect(chooseOperator('VARNAME')).toBeUndefined());

  // The same table through substitute: how `${input}` behaves when VARNAME is unset / empty / set.
  const behaviour: Record<string, string[]> = {
    ':?': ['error', 'error', 'x'],
    '?': ['error', '', 'x'],
    ':-': ['operand', 'operand', 'x'],
    '-': ['operand', '', 'x'],
    ':+': ['', '', 'operand'],
    '+': ['', 'operand', 'operand'],
  };
  for (const c of spec.operator_choice_cases.cases) {
    test(`substitute applies ${c.symbol} to \${${c.input}}`, () => {
      const operand = c.input.slice('VARNAME'.length + c.symbol.length);
      const seen = [undefined, '', 'x'].map((v) => {
        const err = thrown(() => substitute(`\${${c.input}}`, (k) => (k === 'VARNAME' ? v : undefined)));
        if (err) return 'error';
        const out = substitute(`\${${c.input}}`, (k) => (k === 'VARNAME' ? v : undefined)).value;
        return out === operand && operand !== '' ? 'operand' : out;
      });
      expect(seen).toEqual(behaviour[c.symbol]);
    });
  }
});

describe('extractVariables (TestExtractVariables)', () => {
  const fromGo = (v: GoVariable): ExtractedVariable => ({
    name: v.Name,
    ...(v.DefaultValue ? { defaultValue: v.DefaultValue } : {}),
    ...(v.PresenceValue ? { presenceValue: v.PresenceValue } : {}),
    ...(v.Required ? { required: true } : {}),
  });
  for (const c of spec.extract_variables_cases.cases) {
    test(c.name, () => {
      const expected = new Map(Object.entries(c.expected).map(([k, v]) => [k, fromGo(v)]));
      expect(Object.fromEntries(extractVariables(c.dict))).toEqual(Object.fromEntries(expected));
    });
  }

  test('a variable used several times is required once any use is, and keeps the first default', () => {
    const vars = extractVariables({ a: '${X}', b: ['${X:-one}', '${X:?need}', '${X-two}'] });
    expect([...vars.values()]).toEqual([{ name: 'X', defaultValue: 'one', required: true }]);
  });
  test('variables in error messages and after the closing brace are found too', () => {
    const vars = extractVariables('${A:?${MSG}}${B+$C}');
    // compose-go lists what follows the closing brace first.
    expect([...vars.keys()]).toEqual(['B', 'C', 'A', 'MSG']);
    expect(vars.get('B')).toEqual({ name: 'B', presenceValue: '$C' });
  });
  test('escaped dollars are not variables; an invalid `${` yields the empty name, as in compose-go', () => {
    expect([...extractVariables('$$A ${').keys()]).toEqual(['']);
  });
});

describe('offsets', () => {
  test('unset variables point at their `$`, also inside defaults and after a braced expression', () => {
    const r = substitute('a $X ${Y} ${Z:-${W}} ${S:-s}${T}x}', () => undefined);
    expect(r.value).toBe('a    sx}');
    expect(r.unset).toEqual([
      { name: 'X', index: 2, end: 4 },
      { name: 'Y', index: 5, end: 9 },
      { name: 'W', index: 15, end: 19 },
      { name: 'T', index: 28, end: 32 },
    ]);
  });

  test('a required variable error points at its expression', () => {
    const err = thrown(() => substitute('x ${A:-${B:?no B}} y', () => undefined)) as TemplateError;
    expect([err.kind, err.variable, err.reason, err.index, err.end]).toEqual(['required', 'B', 'no B', 7, 17]);
    expect(err.message).toBe('required variable B is missing a value: no B');
  });

  test('an invalid template names the innermost template and points at `${...}`', () => {
    const err = thrown(() => substitute('ok ${A:-${ x}}', () => undefined)) as TemplateError;
    expect([err.kind, err.index, err.end, err.template]).toEqual(['invalid', 8, 13, '${ x}']);
    expect(err.message).toBe('Invalid template: "${ x}"');
    const bare = thrown(() => substitute('a ${\nb}', () => undefined)) as TemplateError;
    expect([bare.index, bare.end, bare.message]).toEqual([2, 4, 'Invalid template: "a ${\\nb}"']);
  });
});

describe('compose-go details', () => {
  const env = lookupIn({ A: 'a', E: '' });
  test('a braced default runs to the last `}` of its line and the remainder is expanded on its own', () => {
    expect(substitute('${U:-x}y}', env).value).toBe('xy}');
    expect(substitute('${A:-{b}c}', env).value).toBe('a');
    expect(substitute('${U:-{"k":1}} ${A}', env).value).toBe('{"k":1} a');
  });
  test('a default does not reach over a line break', () => {
    expect(() => substitute('${U:-x\n}', env)).toThrow('Invalid template: "${U:-x\\n}"');
  });
  test('unused operands are not expanded', () => {
    expect(substitute('${A:-${NOPE}}${E+set}${U?${NOPE}}', lookupIn({ A: 'a', E: '', U: 'u' }))).toEqual({ value: 'asetu', unset: [] });
  });
  test('lone and escaped dollars', () => {
    expect(substitute('$$$ $ $1 $} $$A', env).value).toBe('$$ $ $1 $} $A');
  });
  test('names are ASCII letters, digits and _ (plus the two letters Go case folding adds)', () => {
    expect(substitute('$A-b $Aé ${_9}', lookupIn({ A: 'a', _9: 'n' })).value).toBe('a-b aé n');
    expect(substitute('$\u017f', lookupIn({ '\u017f': 'long s' })).value).toBe('long s');
  });
});

test('goQuote follows strconv.Quote', () => {
  expect(goQuote('a"b\\c\n\t\x01\x7f é\u00a0\u{1F600}')).toBe('"a\\"b\\\\c\\n\\t\\x01\\x7f é\\u00a0\u{1F600}"');
});
