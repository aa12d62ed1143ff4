import rule from '../rules/logging-address';
import { parseLogAddress, withHost } from '../rules/logging-address';
import { ruleTester } from './rule-tester';
import { lines } from './graph-helpers';

/** The message for an address naming a compose service (`advice`: what to do instead). */
const namesService = (key: string, value: string, target: string, service: string, advice: string): string =>
  `\`${key}: ${value}\` names the service ${target}, but the Docker daemon connects to logging addresses from the host, where compose names do not resolve (for ${service}); ${advice}`;

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
  test.each([
    ['fluentd-address', 'fluentd:24224', 'localhost', 24224, 'localhost:24224'],
    ['fluentd-address', 'tcp://fluentd', 'localhost', 24224, 'tcp://localhost'],
    ['fluentd-address', 'tcp://fluentd', 'localhost', 24225, 'tcp://localhost:24225'],
    ['gelf-address', 'udp://graylog:12201', 'localhost', 12201, 'udp://localhost:12201'],
    ['syslog-address', 'tcp+tls://syslog:6514', '[::1]', 16514, 'tcp+tls://[::1]:16514'],
    ['splunk-url', 'https://user@splunk:8088/services/collector?x=1', 'localhost', 8088, 'https://user@localhost:8088/services/collector?x=1'],
    ['loki-url', 'http://loki:3100/loki/api/v1/push', 'localhost', undefined, 'http://localhost:3100/loki/api/v1/push'],
  ])('withHost(%s, %s, %s, %s) = %s', (key, value, host, port, expected) => {
    expect(withHost(key, value, host, port)).toBe(expected);
  });
  test('unix sockets are not network addresses', () => {
    expect(parseLogAddress('syslog-address', 'unix:///dev/log')).toBeUndefined();
  });
});

/** `fluentd:24224` at web's line 7, with a collector service fluentd that does not publish the port. */
const FLUENTD_NOT_PUBLISHED = [
  {
    line: 7,
    column: 26,
    severity: 'error' as const,
    service: 'web',
    message: namesService('fluentd-address', 'fluentd:24224', 'fluentd', 'web', 'publish 24224 on fluentd and use `localhost:24224`'),
  },
];

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
      findings: FLUENTD_NOT_PUBLISHED,
    },
    {
      // The newcomer trial's case: the collector already publishes the port, so only the address is wrong.
      name: 'a service name whose service already publishes the port: only use localhost',
      code: lines('services:', '  web:', '    image: nginx', ...logging('fluentd', 'fluentd-address', 'fluentd:24224'), '  fluentd:', '    image: fluent/fluentd', '    ports: ["24224:24224"]'),
      findings: [
        {
          line: 7,
          column: 26,
          severity: 'error',
          service: 'web',
          message: namesService('fluentd-address', 'fluentd:24224', 'fluentd', 'web', 'fluentd already publishes it as host port 24224: use `localhost:24224`'),
        },
      ],
    },
    {
      name: 'every address option keeps its scheme, user and path; the port is the one published on the host, for the protocol the driver uses',
      code: lines(
        'services:',
        '  a:',
        '    image: x',
        ...logging('gelf', 'gelf-address', 'udp://graylog:12201'),
        '  b:',
        '    image: x',
        ...logging('syslog', 'syslog-address', 'tcp+tls://syslog:6514'),
        '  c:',
        '    image: x',
        ...logging('splunk', 'splunk-url', 'https://splunk:8088/services/collector'),
        '  d:',
        '    image: x',
        ...logging('loki', 'loki-url', 'http://loki:3100/loki/api/v1/push'),
        '  e:',
        '    image: x',
        ...logging('fluentd', 'fluentd-address', 'tcp://fluentd'),
        '  graylog:',
        '    image: graylog/graylog:6.0',
        '    ports: ["12201:12201"]',
        '  syslog:',
        '    image: balabit/syslog-ng',
        '    ports: ["127.0.0.1:16514:6514"]',
        '  splunk:',
        '    image: splunk/splunk',
        '  loki:',
        '    image: grafana/loki',
        '    network_mode: host',
        '  fluentd:',
        '    image: fluent/fluentd',
        '    ports: ["[::1]:24224:24224"]',
      ),
      findings: [
        {
          line: 7,
          column: 23,
          severity: 'error',
          service: 'a',
          message: namesService('gelf-address', 'udp://graylog:12201', 'graylog', 'a', 'publish 12201/udp on graylog and use `udp://localhost:12201`'),
        },
        {
          line: 13,
          column: 25,
          severity: 'error',
          service: 'b',
          message: namesService('syslog-address', 'tcp+tls://syslog:6514', 'syslog', 'b', 'syslog already publishes it as host port 16514: use `tcp+tls://localhost:16514`'),
        },
        {
          line: 19,
          column: 21,
          severity: 'error',
          service: 'c',
          message: namesService('splunk-url', 'https://splunk:8088/services/collector', 'splunk', 'c', 'publish 8088 on splunk and use `https://localhost:8088/services/collector`'),
        },
        {
          line: 25,
          column: 19,
          severity: 'error',
          service: 'd',
          message: namesService('loki-url', 'http://loki:3100/loki/api/v1/push', 'loki', 'd', 'loki already listens on the host network: use `http://localhost:3100/loki/api/v1/push`'),
        },
        {
          line: 31,
          column: 26,
          severity: 'error',
          service: 'e',
          message: namesService('fluentd-address', 'tcp://fluentd', 'fluentd', 'e', 'fluentd already publishes it as host port 24224: use `tcp://[::1]`'),
        },
      ],
    },
    {
      name: 'a collector only on an internal network publishes nothing: its port must be published on another network',
      code: lines(
        'services:',
        '  web:',
        '    image: nginx',
        ...logging('fluentd', 'fluentd-address', 'fluentd:24224'),
        '  fluentd:',
        '    image: fluent/fluentd',
        '    ports: ["24224:24224"]',
        '    networks: [logs]',
        'networks:',
        '  logs: {internal: true}',
      ),
      findings: FLUENTD_NOT_PUBLISHED,
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
          data: { key: 'gelf-address', value: 'udp://localhost:12201', port: 12201, protocol: 'udp', spec: '12201/udp', services: 'for web' },
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
          data: { key: 'fluentd-address', value: 'localhost:24224', port: 24224, protocol: 'tcp', spec: '24224', services: 'for web' },
        },
      ],
    },
  ],
});
