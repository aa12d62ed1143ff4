import { loadFormatter } from '../src/report';
import type { FormatContext, RuleMeta } from '../src/report/types';
import { finding, loadReportFixture } from './report-fixture';

const codeclimate = loadFormatter('codeclimate');
const meta = (id: string, category: RuleMeta['category']): RuleMeta => ({ id, description: id, category, severity: 'warning', fixable: false });
const ctx: FormatContext = {
  cwd: '/w',
  version: '0.0.0',
  rules: [meta('c', 'correctness'), meta('n', 'network'), meta('s', 'security'), meta('y', 'style')],
  color: false,
  files: [],
};

test('maps severity and category, and locates by relative path and begin line', () => {
  const issues = JSON.parse(
    codeclimate(
      [
        finding({ rule: 'c', severity: 'error', file: '/w/sub dir/compose.yml', line: 7, message: 'm1' }),
        finding({ rule: 'n', severity: 'warning' }),
        finding({ rule: 's', severity: 'info' }),
        finding({ rule: 'y' }),
        finding({ rule: 'not-in-catalog' }),
      ],
      ctx,
    ),
  );
  expect(issues[0]).toEqual({
    type: 'issue',
    check_name: 'c',
    description: 'm1',
    categories: ['Bug Risk'],
    fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
    severity: 'major',
    location: { path: 'sub dir/compose.yml', lines: { begin: 7 } },
  });
  expect(issues.map((i: any) => [i.severity, i.categories])).toEqual([
    ['major', ['Bug Risk']],
    ['minor', ['Bug Risk']],
    ['info', ['Security']],
    ['minor', ['Style']],
    ['minor', ['Bug Risk']],
  ]);
  expect(codeclimate([], ctx)).toBe('[]\n');
});

test('fingerprints are unique per finding and stable when lines move', () => {
  const { findings, ctx: fixtureCtx } = loadReportFixture();
  const prints = (fs: typeof findings) => JSON.parse(codeclimate(fs, fixtureCtx)).map((i: any) => i.fingerprint);
  const before = prints(findings);
  expect(new Set(before).size).toBe(findings.length);
  const shifted = findings.map((f) => ({ ...f, line: f.line + 5, endLine: f.endLine + 5 }));
  expect(prints(shifted)).toEqual(before);
});
