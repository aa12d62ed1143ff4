import rule from '../rules/logging-address';
import { parseLogAddress } from '../rules/logging-address';
import { ruleTester } from './rule-tester';
import { lines } from './graph-helpers';

const logging = (driver: string, key: string, value: string): string[] => ['    logging:', `      driver: ${driver}`, '      options:', `        ${key}: ${value}`];

describe('parseLogAddress', () => {
  test.each([
    ['fluentd-address', 'fluentd:24224', { host: 'fluentd', port: 24224, protocol: 'tcp' }],
    ['fluentd-address', 'tcp://fluentd', { host: 'fluentd', port: 24224, protocol: 'tcp' }],
    ['gelf-address', 'udp://[::1]:12201', { host: '::1', port: 12201, protocol: 'udp' }],
    ['splunk-url', 'https://user@splunk/services', { host: 'splunk', port: 443, protocol: 'tcp' }],
    ['gelf-address', 'udp://graylog', { host: 'graylog', protocol: 'udp' }],
  ])('%s %s', (key, value, expected) => {
    expect(parseLogAddress(key, value)).toEqual(expected);
  });
  test('unix sockets are not network addresses', () => {
    expect(parseLogAddress('syslog-address', 'unix:///dev/log')).toBeUndefined();
  });
});

ruleTester(rule, {
  valid: [
    {
      name: 'localhost with the port published on loopback',
      code: lines(
        'services:',
        '  web:',
        '    image: nginx',
        ...logging('fluentd', 'fluentd-address', 'localhost:24224'),
        '  fluentd:',
        '    image: fluent/fluentd',
        '    ports: ["127.0.0.1:24224:24224"]',
      ),
    },
    { name: 'an outside host', code: lines('services:', '  web:', '    image: nginx', ...logging('gelf', 'gelf-address', 'udp://graylog.example.com:12201')) },
    {
      name: 'a collector on the host network listening on the port',
      code: lines('services:', '  web:', '    image: nginx', ...logging('fluentd', 'fluentd-address', '127.0.0.1:24224'), '  fluentd:', '    image: fluent/fluentd:v1.17', '    network_mode: host'),
    },
  ],
  invalid: [
    {
      name: 'a service name: an error at the value',
      code: lines('services:', '  web:', '    image: nginx', ...logging('fluentd', 'fluentd-address', 'fluentd:24224'), '  fluentd:', '    image: fluent/fluentd'),
      findings: [
        {
          line: 7,
          column: 26,
          severity: 'error',
          service: 'web',
          message:
            '`fluentd-address: fluentd:24224` names the service fluentd, but the Docker daemon connects to logging addresses from the host, where compose names do not resolve (for web); publish 24224 on fluentd and use localhost:24224',
        },
      ],
    },
    {
      name: 'a localhost port nobody publishes (udp published as tcp does not count): a warning',
      code: lines('services:', '  web:', '    image: nginx', ...logging('gelf', 'gelf-address', 'udp://localhost:12201'), '  graylog:', '    image: graylog/graylog:6.0', '    ports: ["12201:12201"]'),
      findings: [
        {
          line: 7,
          column: 23,
          severity: 'warning',
          service: 'web',
          messageId: 'notPublished',
          data: { key: 'gelf-address', value: 'udp://localhost:12201', port: 12201, protocol: 'udp', services: 'for web' },
        },
      ],
    },
    {
      name: 'a compose file beside it publishes the port: info naming that file and line (a logging stack of its own works once started)',
      code: {
        'compose.yaml': lines('services:', '  web:', '    image: nginx', ...logging('fluentd', 'fluentd-address', 'localhost:24224')),
        'compose-logging.yaml': lines('services:', '  fluentd:', '    image: fluent/fluentd', '    ports: ["24224:24224"]'),
      },
      findings: [
        {
          line: 7,
          column: 26,
          severity: 'info',
          service: 'web',
          messageId: 'notPublishedPeer',
          message:
            '`fluentd-address: localhost:24224` points at the host, where no service of this project binds 24224/tcp (for web); fluentd at compose-logging.yaml:4, a compose file beside it, publishes that port: start it first, on its own or with `-f compose-logging.yaml`, or the daemon has nowhere to send these logs',
        },
      ],
    },
    {
      name: 'of several files beside it, the one that binds the port (a range; a collector on the host network listening by default) is named',
      code: {
        'compose.yaml': lines(
          'services:',
          '  web:',
          '    image: nginx',
          ...logging('gelf', 'gelf-address', 'udp://127.0.0.1:12201'),
          '  api:',
          '    image: example/api',
          ...logging('fluentd', 'fluentd-address', 'localhost'),
        ),
        'compose-a.yaml': lines('services:', '  graylog:', '    image: graylog/graylog:6.0', '    ports: ["12201:12201"]'),
        'compose-b.yaml': lines('services:', '  graylog:', '    image: graylog/graylog:6.0', '    ports:', '      - "12200-12210:12200-12210/udp"'),
        'compose-c.yaml': lines('services:', '  fluentd:', '    image: fluent/fluentd:v1.17', '    network_mode: host'),
      },
      findings: [
        {
          line: 7,
          column: 23,
          severity: 'info',
          service: 'web',
          messageId: 'notPublishedPeer',
          data: { key: 'gelf-address', value: 'udp://127.0.0.1:12201', port: 12201, protocol: 'udp', services: 'for web', publisher: 'graylog', where: 'compose-b.yaml:5', file: 'compose-b.yaml' },
        },
        {
          line: 13,
          column: 26,
          severity: 'info',
          service: 'api',
          messageId: 'notPublishedPeer',
          data: { key: 'fluentd-address', value: 'localhost', port: 24224, protocol: 'tcp', services: 'for api', publisher: 'fluentd', where: 'compose-c.yaml:3', file: 'compose-c.yaml' },
        },
      ],
    },
    {
      name: 'a compose file beside it that does not bind the port (another port, tcp for udp, only exposed), or a non-compose YAML that does: the plain warning',
      code: {
        'compose.yaml': lines('services:', '  web:', '    image: nginx', ...logging('fluentd', 'fluentd-address', 'localhost:24224')),
        'compose-logging.yaml': lines('services:', '  fluentd:', '    image: fluent/fluentd', '    ports: ["24225:24224", "24224:24224/udp"]', '    expose: ["24224"]'),
        'logging.yaml': lines('services:', '  fluentd:', '    image: fluent/fluentd', '    ports: ["24224:24224"]'),
      },
      findings: [
        {
          line: 7,
          column: 26,
          severity: 'warning',
          service: 'web',
          messageId: 'notPublished',
          data: { key: 'fluentd-address', value: 'localhost:24224', port: 24224, protocol: 'tcp', services: 'for web' },
        },
      ],
    },
  ],
});
