import { FORMAT_NAMES, UnknownFormatError, loadFormatter } from '../src/report';

test('FORMAT_NAMES lists the eight formats, stylish first (the default)', () => {
  expect(FORMAT_NAMES).toEqual(['stylish', 'compact', 'json', 'sarif', 'github', 'codeclimate', 'junit', 'checkstyle']);
});

const CHOICES = 'use one of: stylish, compact, json, sarif, github, codeclimate, junit, checkstyle';

test('an unknown format throws UnknownFormatError naming the choices', () => {
  expect(() => loadFormatter('bogus')).toThrow(UnknownFormatError);
  expect(() => loadFormatter('bogus')).toThrow(new UnknownFormatError('bogus'));
  expect(new UnknownFormatError('bogus').message).toBe(`unknown format "bogus"; ${CHOICES}`);
  // Names of Object.prototype members are not formats (nor synonyms) either.
  expect(() => loadFormatter('toString')).toThrow(UnknownFormatError);
  expect(new UnknownFormatError('constructor').message).toBe(`unknown format "constructor"; ${CHOICES}`);
});

test.each([
  ['gitlab', ' (did you mean "codeclimate"? GitLab code quality reads Code Climate JSON)'],
  ['GitLab', ' (did you mean "codeclimate"? GitLab code quality reads Code Climate JSON)'],
  ['github-actions', ' (did you mean "github"? it writes GitHub Actions annotations)'],
  ['unix', ' (did you mean "compact"? it prints file:line:col: severity: message)'],
  ['xml', ' (did you mean "junit" or "checkstyle"?)'],
  ['sarf', ' (did you mean "sarif"?)'],
  ['SARIF', ' (did you mean "sarif"?)'],
  ['checkstyl', ' (did you mean "checkstyle"?)'],
])('an unknown format %s gets a hint: the closest name, or the format another tool calls so', (name, hint) => {
  expect(new UnknownFormatError(name).message).toBe(`unknown format "${name}"${hint}; ${CHOICES}`);
});

test('loadFormatter requires only the chosen formatter module', () => {
  const loaded: string[] = [];
  jest.isolateModules(() => {
    for (const name of FORMAT_NAMES) {
      jest.doMock(`../src/report/${name}`, () => {
        loaded.push(name);
        return { format: () => name };
      });
    }
    const { loadFormatter: load } = require('../src/report') as typeof import('../src/report');
    expect(loaded).toEqual([]);
    const formatter = load('sarif');
    expect(formatter([], { cwd: '/', version: '0', rules: [], color: false, files: [] })).toBe('sarif');
  });
  expect(loaded).toEqual(['sarif']);
});
