import { FORMAT_NAMES, UnknownFormatError, loadFormatter } from '../src/report';

test('FORMAT_NAMES lists the eight formats, stylish first (the default)', () => {
  expect(FORMAT_NAMES).toEqual(['stylish', 'compact', 'json', 'sarif', 'github', 'codeclimate', 'junit', 'checkstyle']);
});

test('an unknown format throws UnknownFormatError naming the choices', () => {
  expect(() => loadFormatter('xml')).toThrow(UnknownFormatError);
  expect(() => loadFormatter('xml')).toThrow('unknown format "xml"; use one of: stylish, compact, json, sarif, github, codeclimate, junit, checkstyle');
  // Names of Object.prototype members are not formats either.
  expect(() => loadFormatter('toString')).toThrow(UnknownFormatError);
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
