import rule from '../rules/dangerous-capability';
import { ruleTester } from './rule-tester';
import { lines } from './graph-helpers';

ruleTester(rule, {
  valid: [
    {
      name: 'default-set capabilities in any spelling',
      code: lines('services:', '  web:', '    image: example/web:1.0', '    cap_drop: [ALL]', '    cap_add: [CHOWN, net_bind_service, CAP_SETUID, DAC_OVERRIDE, MKNOD]'),
    },
  ],
  invalid: [
    {
      name: 'high tier: warning, error when public',
      code: lines(
        'services:',
        '  monitor:',
        '    image: example/monitor:2.0',
        '    ports:',
        '      - "9100:9100"',
        '    cap_add:',
        '      - SYS_ADMIN',
        '  loader:',
        '    image: example/loader:1.0',
        '    cap_add: [cap_sys_module, ALL]',
      ),
      findings: [
        {
          line: 7,
          column: 9,
          severity: 'error',
          service: 'monitor',
          message: '`cap_add: SYS_ADMIN`: mount, namespaces, BPF and much more: the classic container escape (public: published on 0.0.0.0:9100)',
        },
        {
          line: 10,
          column: 15,
          severity: 'warning',
          service: 'loader',
          message: '`cap_add: SYS_MODULE`: loads kernel modules: code in the host kernel (adjacent: on default with public service monitor)',
        },
        {
          line: 10,
          column: 31,
          severity: 'warning',
          service: 'loader',
          message: '`cap_add: ALL`: every capability: the container is nearly as strong as a privileged one (adjacent: on default with public service monitor)',
        },
      ],
    },
    {
      name: 'NET_ADMIN and NET_RAW name the services on shared networks',
      code: lines(
        'services:',
        '  vpn:',
        '    image: example/vpn:1.4',
        '    cap_add: [NET_ADMIN]',
        '  db:',
        '    image: postgres:16.4',
        '  sniffer:',
        '    image: example/sniffer:1.0',
        '    network_mode: host',
        '    cap_add: [NET_RAW]',
        '  lonely:',
        '    image: example/lonely:1.0',
        '    networks: [solo]',
        '    cap_add: [NET_ADMIN]',
        'networks:',
        '  solo:',
      ),
      findings: [
        {
          line: 4,
          column: 15,
          severity: 'info',
          service: 'vpn',
          message: '`cap_add: NET_ADMIN`: reconfigures interfaces, routes and firewall rules of its network namespace; it shares networks with db (internal: not published)',
        },
        {
          line: 10,
          column: 15,
          severity: 'warning',
          service: 'sniffer',
          message:
            "`cap_add: NET_RAW`: raw sockets: spoofs ARP and sniffs traffic on shared networks; on the host network it acts on the host's own interfaces (public: on the host network (network_mode: host))",
        },
        {
          line: 14,
          column: 15,
          severity: 'info',
          service: 'lonely',
          message: '`cap_add: NET_ADMIN`: reconfigures interfaces, routes and firewall rules of its network namespace; no other service shares its networks (internal: not published)',
        },
      ],
    },
    {
      name: 'SYS_PTRACE is worse with pid: host or pid: service:X',
      code: lines(
        'services:',
        '  app:',
        '    image: example/app:1.0',
        '  debugger:',
        '    image: example/debugger:1.0',
        '    pid: host',
        '    cap_add: [SYS_PTRACE]',
        '  profiler:',
        '    image: example/profiler:1.0',
        '    pid: "service:app"',
        '    cap_add: [SYS_PTRACE]',
        '  tracer:',
        '    image: example/tracer:1.0',
        '    cap_add: [SYS_PTRACE]',
      ),
      findings: [
        {
          line: 7,
          column: 15,
          severity: 'warning',
          service: 'debugger',
          message: '`cap_add: SYS_PTRACE`: traces and injects code into processes it can see; with `pid: host` that is every process of the host (internal: not published)',
        },
        {
          line: 11,
          column: 15,
          severity: 'warning',
          service: 'profiler',
          message: '`cap_add: SYS_PTRACE`: traces and injects code into processes it can see; with `pid: service:app` that is every process of app (internal: not published)',
        },
        { line: 14, column: 15, severity: 'info', service: 'tracer', message: '`cap_add: SYS_PTRACE`: traces and injects code into processes it can see (internal: not published)' },
      ],
    },
  ],
});
