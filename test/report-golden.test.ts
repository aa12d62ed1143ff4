/** Every format's exact bytes on the shared fixture (regenerate with `node scripts/update-golden.js`). */
import * as fs from 'fs';
import * as path from 'path';
import { FORMAT_NAMES, loadFormatter } from '../src/report';
import { REPORT_FIXTURES, loadReportFixture } from './report-fixture';

interface GoldenCase {
  golden: string;
  format: string;
  color?: boolean;
}
const cases: GoldenCase[] = JSON.parse(fs.readFileSync(path.join(REPORT_FIXTURES, 'cases.json'), 'utf8'));

test('every format has a golden case', () => {
  expect([...new Set(cases.map((c) => c.format))].sort()).toEqual([...FORMAT_NAMES].sort());
});

test.each(cases)('$golden', (c) => {
  const { findings, ctx } = loadReportFixture();
  const out = loadFormatter(c.format)(findings, { ...ctx, color: Boolean(c.color) });
  expect(out).toBe(fs.readFileSync(path.join(REPORT_FIXTURES, c.golden), 'utf8'));
});
