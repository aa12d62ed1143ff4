/** `config` output, exact bytes, on fixtures/config/ (regenerate with `node scripts/update-config-golden.js`). */
import * as fs from 'fs';
import * as path from 'path';
import { configCases, renderCase } from './config-cases';

const cases = configCases();

test('there are golden cases', () => {
  expect(cases.length).toBeGreaterThanOrEqual(10);
});

test.each(cases.map((c) => [`${c.name}/${c.golden}`, c] as const))('%s', (_id, c) => {
  expect(renderCase(c)).toBe(fs.readFileSync(path.join(c.dir, c.golden), 'utf8'));
});
