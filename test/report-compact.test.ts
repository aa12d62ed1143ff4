import { loadFormatter } from '../src/report';
import type { FormatContext } from '../src/report/types';
import { finding } from './report-fixture';

const compact = loadFormatter('compact');
const ctx: FormatContext = { cwd: '/p', version: '0.0.0', rules: [], color: true, files: [] };

test('one line per finding, path relative to cwd, never coloured, messages folded', () => {
  const out = compact(
    [
      finding({ file: '/p/a b/compose.prod.yml', line: 3, column: 9, severity: 'error', message: 'x:\n  y', rule: 'r' }),
      finding({ file: 'compose.yaml', line: 12, column: 2, severity: 'info', message: 'list [1, 2]', rule: 's' }),
    ],
    ctx,
  );
  expect(out).toBe('a b/compose.prod.yml:3:9: error: x: y [r]\ncompose.yaml:12:2: info: list [1, 2] [s]\n');
  expect(compact([], ctx)).toBe('');
});
