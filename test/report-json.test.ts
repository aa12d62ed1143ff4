import { loadFormatter } from '../src/report';
import type { FormatContext } from '../src/report/types';
import { finding } from './report-fixture';

const json = loadFormatter('json');
const ctx: FormatContext = { cwd: '/p', version: '0.0.0', rules: [], color: false, files: [] };

test('prints an empty array for no findings', () => {
  expect(json([], ctx)).toBe('[]\n');
});

test('keeps the documented keys in order and omits absent optional ones', () => {
  const out = json([finding({ messageId: 'obsolete', value: '3.8' }), finding({ line: 4, endLine: 4, service: 'web', rule: 'x' })], ctx);
  const parsed = JSON.parse(out);
  expect(Object.keys(parsed[0])).toEqual(['file', 'line', 'column', 'endLine', 'endColumn', 'rule', 'severity', 'message']);
  expect(parsed[1]).toEqual({
    file: 'compose.yaml',
    line: 4,
    column: 1,
    endLine: 4,
    endColumn: 8,
    rule: 'x',
    severity: 'warning',
    message: 'top-level `version` is obsolete',
    service: 'web',
  });
  expect(out.startsWith('[\n  {\n    "file": "compose.yaml",\n')).toBe(true);
  expect(out.endsWith('}\n]\n')).toBe(true);
});
