import type { ErrorObject } from 'ajv';
import { collapseAlternatives } from '../src/schema/collapse';
import { describeError, typeList } from '../src/schema/describe';
import { formatPath, pointerToPath } from '../src/schema/path';
import { closestMatch, editDistance } from '../src/schema/suggest';

describe('suggestions', () => {
  test.each<[string, string, number]>([
    ['image', 'image', 0],
    ['imagee', 'image', 1],
    ['prots', 'ports', 1],
    ['enviroment', 'environment', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
  ])('editDistance(%s, %s) = %d', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });

  test('closest key within about a third of the word, ignoring case; none when nothing is close', () => {
    const keys = ['image', 'ports', 'networks', 'network_mode', 'environment'];
    expect(closestMatch('Image', keys)).toBe('image');
    expect(closestMatch('network', keys)).toBe('networks');
    expect(closestMatch('img', keys)).toBeUndefined();
    expect(closestMatch('colour', keys)).toBeUndefined();
  });
});

describe('paths', () => {
  test('JSON pointers become steps; array indexes become numbers; escapes are undone', () => {
    const model = { services: { 'a/b~c': { ports: ['80'] } } };
    expect(pointerToPath('/services/a~1b~0c/ports/0', model)).toEqual(['services', 'a/b~c', 'ports', 0]);
    expect(pointerToPath('', model)).toEqual([]);
  });

  test('written as users read them', () => {
    expect(formatPath(['services', 'web', 'ports', 0])).toBe('services.web.ports[0]');
    expect(formatPath(['services', 'web.1', 'labels', 'com.example'])).toBe('services["web.1"].labels["com.example"]');
    expect(formatPath([])).toBe('');
  });
});

describe('plain words', () => {
  test.each<[string[], string]>([
    [['string'], 'a string'],
    [['integer'], 'an integer'],
    [['object', 'null'], 'a mapping or null'],
    [['number', 'string', 'object'], 'a string, number or mapping'],
    [['integer', 'number'], 'a number'],
    [['null'], 'null'],
  ])('typeList(%j) = %s', (types, words) => {
    expect(typeList(types)).toBe(words);
  });

  const error = (e: Partial<ErrorObject>): ErrorObject => ({ instancePath: '', schemaPath: '#', keyword: 'type', params: {}, ...e }) as ErrorObject;

  test('a oneOf that more than one branch matched says so', () => {
    const collapsed = collapseAlternatives([error({ instancePath: '/x', keyword: 'oneOf', params: { passingSchemas: [0, 1] } })]);
    expect(collapsed.flatMap((e) => describeError(e, { x: 1 })).map((d) => d.text)).toEqual(['matches more than one of the allowed forms']);
  });

  test('a keyword without its own wording still gets a one-line message', () => {
    const drafts = describeError(error({ instancePath: '/name', keyword: 'maxLength', params: { limit: 3 } }), { name: 'abcdef' });
    expect(drafts).toEqual([{ path: ['name'], subject: ['name'], at: 'value', text: 'breaks the schema rule "maxLength" (limit 3)' }]);
  });
});
