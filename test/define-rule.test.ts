/** defineRule: option defaults from the schema, message templates rendered from data, ids checked. */
import { defineRule, optionDefaults, renderMessage, type TypedRuleContext } from '../src/define-rule';
import { servicesOf } from '../src/model/project';
import { keyOriginOf } from '../src/model/origin';
import { lintSnippet, ruleTester } from './rule-tester';

const imageNamed = defineRule<{ name: string; max: number }, 'named' | 'plain'>({
  id: 'test-image-named',
  description: 'test rule',
  category: 'style',
  severity: 'warning',
  fixable: false,
  options: {
    type: 'object',
    properties: { name: { type: 'string', default: 'nginx' }, max: { type: 'number', default: 1 } },
    additionalProperties: false,
  },
  messages: { named: '{{service}} uses {{image}} ({{count}} of {{max}})', plain: 'plain' },
  docs: { why: 'test', bad: 'services:\n  web:\n    image: nginx\n', good: 'services:\n  web:\n    image: redis\n' },
  check(ctx) {
    let count = 0;
    const services = servicesOf(ctx.project);
    for (const [name, svc] of Object.entries(services)) {
      if (svc.image !== ctx.options.name) continue;
      count += 1;
      const data = { service: name, image: String(svc.image), count, max: ctx.options.max };
      ctx.report({ messageId: 'named', data, service: name, origin: keyOriginOf(services, name) });
    }
  },
});

describe('renderMessage', () => {
  test('fills placeholders, with or without inner spaces', () => {
    expect(renderMessage('r', 'm', '{{a}} and {{ b }}', { a: 'x', b: 2 })).toBe('x and 2');
  });
  test('a placeholder without data is a rule bug, named in the error', () => {
    expect(() => renderMessage('r', 'm', 'need {{a}}', {})).toThrow('rule r: message "m" needs data.a');
  });
});

describe('optionDefaults', () => {
  test('takes each property default, leaves the others out, and copies objects', () => {
    const list = ['a'];
    const d = optionDefaults({ type: 'object', properties: { a: { default: list }, b: { type: 'string' } } });
    expect(d).toEqual({ a: ['a'] });
    expect(d.a).not.toBe(list);
  });
});

ruleTester(imageNamed, {
  valid: [{ name: 'another image', code: 'services:\n  web:\n    image: redis\n' }],
  invalid: [
    {
      name: 'defaults applied; asserted by message id and data',
      code: 'services:\n  web:\n    image: nginx\n',
      findings: [{ line: 2, column: 3, severity: 'warning', service: 'web', messageId: 'named', data: { service: 'web', image: 'nginx', count: 1, max: 1 } }],
    },
    {
      name: 'options given override the defaults; asserted by the rendered message',
      code: 'services:\n  web:\n    image: httpd\n',
      options: { name: 'httpd', max: 3 },
      findings: [{ line: 2, column: 3, severity: 'warning', service: 'web', message: 'web uses httpd (1 of 3)' }],
    },
  ],
});

test('an unknown message id throws', () => {
  const bad = defineRule<Record<string, never>, 'known'>({
    ...imageNamed,
    id: 'test-bad-id',
    messages: { known: 'k' },
    check(ctx: TypedRuleContext<Record<string, never>, 'known'>) {
      ctx.report({ messageId: 'unknown' as 'known' });
    },
  } as never);
  expect(() => lintSnippet(bad, { name: 'x', code: 'services:\n  web:\n    image: nginx\n' })).toThrow('unknown message id "unknown"');
});
