/** junit and checkstyle: parsed back with fast-xml-parser (a real XML parser, dev dependency). */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { loadFormatter } from '../src/report';
import type { FormatContext } from '../src/report/types';
import { xmlAttr, xmlText } from '../src/report/xml';
import { finding, loadReportFixture } from './report-fixture';

const junit = loadFormatter('junit');
const checkstyle = loadFormatter('checkstyle');

/** Everything an XML 1.0 document may not contain raw: C0 controls other than tab/LF/CR. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const RAW_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
const NASTY = `a & b < c > d "e" 'f' \u0001\u001b[31m\ttab\r\nnext \uD800 end`;
/** What a conforming parser reads back: controls and the lone surrogate replaced by U+FFFD. */
const NASTY_READ = `a & b < c > d "e" 'f' \uFFFD\uFFFD[31m\ttab\r\nnext \uFFFD end`;

function parse(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  expect(RAW_CONTROL.test(xml)).toBe(false);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseAttributeValue: false,
    parseTagValue: false,
    trimValues: true, // drops indentation-only text nodes; no value here starts or ends with a space
    processEntities: true,
    htmlEntities: true, // decodes numeric references (&#10;) as well
    isArray: (name) => ['testsuite', 'testcase', 'file', 'error'].includes(name),
  });
  return parser.parse(xml);
}

const ctx: FormatContext = { cwd: '/w', version: '0.0.0', rules: [], color: false, files: ['a.yml', 'clean.yml'] };

test('escape helpers', () => {
  expect(xmlText(`<&>"'\r`)).toBe('&lt;&amp;&gt;&quot;&apos;&#13;');
  expect(xmlAttr('a\tb\nc\rd')).toBe('a&#9;b&#10;c&#13;d');
  expect(xmlText('\u0000\u0008\u000B\u000C\u001F\uFFFE\uFFFF')).toBe('\uFFFD'.repeat(7));
  expect(xmlText('\uD83D\uDE00 \uDE00')).toBe('\uD83D\uDE00 \uFFFD');
});

describe('junit', () => {
  test('one suite per linted file; clean files pass with one testcase', () => {
    const { findings, ctx: fixtureCtx } = loadReportFixture();
    const doc = parse(junit(findings, fixtureCtx));
    const root = doc.testsuites;
    expect([root.tests, root.failures, root.errors]).toEqual(['9', '8', '0']);
    expect(root.testsuite.map((s: any) => [s.name, s.tests, s.failures, s.testcase.length])).toEqual([
      ['broken.yml', '1', '1', 1],
      ['compose.yaml', '3', '3', 3],
      ['deploy/prod stack/docker-compose.prod.yml', '4', '4', 4],
      ['services/clean.yml', '1', '0', 1],
    ]);
    const clean = root.testsuite[3].testcase[0];
    expect(clean).toEqual({ name: 'compose-lint', classname: 'services/clean.yml' });
    const port = root.testsuite[2].testcase[0];
    expect(port.name).toBe('port-conflict 3:9');
    expect(port.classname).toBe('deploy/prod stack/docker-compose.prod.yml');
    expect(port.failure.type).toBe('error');
    expect(port.failure.message).toBe(findings[4].message);
  });

  test('messages with markup and control characters survive a round trip', () => {
    const doc = parse(junit([finding({ file: 'a.yml', message: NASTY, rule: 'r', line: 2, column: 3 })], ctx));
    const failure = doc.testsuites.testsuite[0].testcase[0].failure;
    expect(failure.message).toBe(NASTY_READ);
    expect(failure['#text']).toBe(`warning: ${NASTY_READ}\nat a.yml:2:3\nhttps://github.com/compose-lint/compose-lint/blob/main/docs/rules/r.md`);
  });
});

describe('checkstyle', () => {
  test('lists every linted file and one error per finding', () => {
    const doc = parse(checkstyle([finding({ file: '/w/a.yml', severity: 'info', line: 4, column: 6, rule: 'r' })], ctx));
    expect(doc.checkstyle.version).toBe('4.3');
    expect(doc.checkstyle.file).toEqual([
      {
        name: 'a.yml',
        error: [{ line: '4', column: '6', severity: 'info', message: 'top-level `version` is obsolete', source: 'compose-lint.r' }],
      },
      { name: 'clean.yml' },
    ]);
  });

  test('escapes attributes, including newlines and control characters', () => {
    const doc = parse(checkstyle([finding({ file: 'a.yml', message: NASTY })], ctx));
    expect(doc.checkstyle.file[0].error[0].message).toBe(NASTY_READ);
  });
});
