import rule from '../rules/sensitive-host-mount';
import { ruleTester } from './rule-tester';
import { lines } from './graph-helpers';

ruleTester(rule, {
  valid: [
    {
      name: 'time zone, certificates, a config file read-only, project directories',
      code: lines(
        'services:',
        '  app:',
        '    image: example/app:1.0',
        '    volumes:',
        '      - /etc/localtime:/etc/localtime:ro',
        '      - /etc/timezone:/etc/timezone:ro',
        '      - /etc/ssl/certs:/etc/ssl/certs:ro',
        '      - /etc/nginx/nginx.conf:/etc/nginx/nginx.conf:ro',
        '      - ./data:/data',
        '      - /home/deploy/app:/app',
      ),
    },
    {
      // Docker Desktop's socket sits under ~/.docker (the credentials folder): docker-socket-mount reports it, once.
      name: "a runtime socket under ~/.docker is docker-socket-mount's finding, not a credentials mount",
      code: lines('services:', '  app:', '    image: example/app:1.0', '    volumes:', '      - ~/.docker/run/docker.sock:/var/run/docker.sock'),
    },
    {
      // Corpus: awesome-compose/pihole-cloudflared-DoH binds Pi-hole's own directories from the host.
      name: "an application's own directory below /etc, writable; /etc/passwd read-only",
      code: lines(
        'services:',
        '  pihole:',
        '    image: pihole/pihole:2024.07.0',
        '    ports: ["53:53/udp"]',
        '    volumes:',
        '      - "/etc/pihole/:/etc/pihole/"',
        '      - "/etc/dnsmasq.d/:/etc/dnsmasq.d/"',
        '      - /etc/letsencrypt:/etc/letsencrypt',
        '      - /etc/passwd:/etc/passwd:ro',
        '      - /etc/cron.d.backup:/backup:ro',
      ),
    },
    {
      // docker-socket-mount reports `/` as a directory holding docker.sock (control of the host): one story per mount.
      name: '`/:/rootfs:ro` (cadvisor, node-exporter) and /var/run are left to docker-socket-mount',
      code: lines(
        'services:',
        '  cadvisor:',
        '    image: gcr.io/cadvisor/cadvisor:v0.49.1',
        '    volumes:',
        '      - /:/rootfs:ro',
        '      - /var/run:/var/run:rw',
        '  node-exporter:',
        '    image: prom/node-exporter:v1.8.2',
        '    volumes:',
        '      - type: bind',
        '        source: /',
        '        target: /host',
        '        read_only: true',
      ),
    },
    {
      // Corpus: mailcow's netfilter reads /lib/modules; awesome-compose/wireguard keeps its config in /usr/share/appdata and reads kernel headers from /usr/src.
      name: 'programs, libraries and kernel modules read-only; the rest of /usr writable',
      code: lines(
        'services:',
        '  vpn:',
        '    image: example/vpn:2.0',
        '    volumes:',
        '      - /lib/modules:/lib/modules:ro',
        '      - /usr/share/zoneinfo:/usr/share/zoneinfo:ro',
        '      - /usr/lib/os-release:/host/os-release:ro',
        '      - /usr:/host/usr:ro',
        '      - /bin:/host/bin:ro',
        '      - /usr/share/appdata/vpn/config:/config',
        '      - /usr/src:/usr/src',
        '      - /library:/library',
        '      - /binaries:/binaries',
      ),
    },
  ],
  invalid: [
    {
      name: 'the parts of /etc that run as root, grant it or hold keys; read-only only where reading leaks',
      code: lines(
        'services:',
        '  agent:',
        '    image: example/agent:1.0',
        '    volumes:',
        '      - /etc/shadow:/host/shadow:ro',
        '      - /etc/sudoers.d:/host/sudoers.d',
        '      - /etc/cron.d/:/etc/cron.d/',
        '      - /etc/systemd/system:/host/systemd',
        '      - /etc/ssh:/host/ssh:ro',
        '      - /etc/docker/daemon.json:/daemon.json',
        '      - /etc/hosts:/host/hosts',
        '      - /etc/ld.so.preload:/host/preload',
        '      - /etc/pam.d:/host/pam.d:ro',
      ),
      findings: [
        {
          line: 5,
          column: 9,
          severity: 'info',
          service: 'agent',
          message: "bind of `/etc/shadow`, the host's users, password hashes and sudo rights, read-only: code in the container can still read it; mount only what it needs (internal: not published)",
        },
        {
          line: 6,
          column: 9,
          severity: 'warning',
          service: 'agent',
          message:
            "bind of `/etc/sudoers.d`, the host's users, password hashes and sudo rights, writable: code in the container can change the host; mount only what it needs, read-only (`:ro`) (internal: not published)",
        },
        {
          line: 7,
          column: 9,
          severity: 'warning',
          service: 'agent',
          message:
            "bind of `/etc/cron.d/`, the host's cron jobs and services (they run as root), writable: code in the container can change the host; mount only what it needs, read-only (`:ro`) (internal: not published)",
        },
        {
          line: 8,
          column: 9,
          severity: 'warning',
          service: 'agent',
          message:
            "bind of `/etc/systemd/system`, the host's cron jobs and services (they run as root), writable: code in the container can change the host; mount only what it needs, read-only (`:ro`) (internal: not published)",
        },
        {
          line: 9,
          column: 9,
          severity: 'info',
          service: 'agent',
          message: "bind of `/etc/ssh`, the host's SSH server settings and host keys, read-only: code in the container can still read it; mount only what it needs (internal: not published)",
        },
        {
          line: 10,
          column: 9,
          severity: 'warning',
          service: 'agent',
          message:
            "bind of `/etc/docker/daemon.json`, the host's container runtime settings (daemon configuration, TLS keys), writable: code in the container can change the host; mount only what it needs, read-only (`:ro`) (internal: not published)",
        },
        {
          line: 11,
          column: 9,
          severity: 'warning',
          service: 'agent',
          message:
            'bind of `/etc/hosts`, a host system file (name resolution, host name, time zone, machine id or mounts), writable: code in the container can change the host; mount only what it needs, read-only (`:ro`) (internal: not published)',
        },
        {
          line: 12,
          column: 9,
          severity: 'warning',
          service: 'agent',
          message:
            "bind of `/etc/ld.so.preload`, the host's dynamic linker settings (libraries loaded into every program), writable: code in the container can change the host; mount only what it needs, read-only (`:ro`) (internal: not published)",
        },
      ],
    },
    {
      // docker-socket-mount leaves a socket proxy nobody reaches from outside alone; the whole filesystem is more than its job.
      name: 'a socket proxy that mounts `/` is reported here, since docker-socket-mount leaves it alone',
      code: lines('services:', '  socket-proxy:', '    image: tecnativa/docker-socket-proxy:0.2', '    volumes:', '      - /:/host:ro'),
      findings: [
        {
          line: 5,
          column: 9,
          severity: 'info',
          service: 'socket-proxy',
          message: "bind of `/`, the host's whole filesystem, read-only: code in the container can still read it; mount only what it needs (internal: not published)",
        },
      ],
    },
    {
      name: 'writable and read-only, public and not',
      code: lines(
        'services:',
        '  backup:',
        '    image: example/backup:1.2',
        '    volumes:',
        '      - /etc:/host/etc',
        '      - ~/.ssh:/root/.ssh:ro',
        '      - /etc/localtime:/etc/localtime',
        '  exporter:',
        '    image: prom/node-exporter:v1.8.2',
        '    ports:',
        '      - "9100:9100"',
        '    volumes:',
        '      - type: bind',
        '        source: /proc',
        '        target: /host/proc',
        '        read_only: true',
        '      - /sys/:/host/sys',
      ),
      findings: [
        {
          line: 5,
          column: 9,
          severity: 'warning',
          service: 'backup',
          message:
            "bind of `/etc`, the host's configuration (/etc: users, sudoers, cron, systemd units), writable: code in the container can change the host; mount only what it needs, read-only (`:ro`) (adjacent: on default with public service exporter)",
        },
        {
          line: 6,
          column: 9,
          severity: 'info',
          service: 'backup',
          message: 'bind of `~/.ssh`, SSH or GnuPG keys, read-only: code in the container can still read it; mount only what it needs (adjacent: on default with public service exporter)',
        },
        {
          line: 7,
          column: 9,
          severity: 'warning',
          service: 'backup',
          message:
            'bind of `/etc/localtime`, a host system file (name resolution, host name, time zone, machine id or mounts), writable: code in the container can change the host; mount only what it needs, read-only (`:ro`) (adjacent: on default with public service exporter)',
        },
        {
          line: 13,
          column: 9,
          severity: 'warning',
          service: 'exporter',
          message:
            "bind of `/proc`, the host's /proc (kernel tunables, every process's memory and environment), read-only: code in the container can still read it; mount only what it needs (public: published on 0.0.0.0:9100)",
        },
        {
          line: 17,
          column: 9,
          severity: 'error',
          service: 'exporter',
          message:
            "bind of `/sys/`, the host's /sys (kernel and device settings), writable: code in the container can change the host; mount only what it needs, read-only (`:ro`) (public: published on 0.0.0.0:9100)",
        },
      ],
    },
    {
      name: 'home directories, Docker state and credentials after interpolation',
      code: lines(
        'services:',
        '  tool:',
        '    image: example/tool:1.0',
        '    volumes:',
        '      - /home:/home',
        '      - /var/lib/docker/containers:/containers:ro',
        '      - ${HOME}/.aws:/root/.aws:ro',
        '      - /root/.kube/config:/kube/config',
      ),
      findings: [
        {
          line: 5,
          column: 9,
          severity: 'warning',
          service: 'tool',
          message: 'bind of `/home`, every home directory on the host, writable: code in the container can change the host; mount only what it needs, read-only (`:ro`) (internal: not published)',
        },
        {
          line: 6,
          column: 9,
          severity: 'info',
          service: 'tool',
          message:
            "bind of `/var/lib/docker/containers`, Docker's own state (every container's filesystem and config), read-only: code in the container can still read it; mount only what it needs (internal: not published)",
        },
        {
          line: 7,
          column: 9,
          severity: 'info',
          service: 'tool',
          message: 'bind of `/.aws`, cloud, Kubernetes or registry credentials, read-only: code in the container can still read it; mount only what it needs (internal: not published)',
        },
        {
          line: 8,
          column: 9,
          severity: 'warning',
          service: 'tool',
          message:
            'bind of `/root/.kube/config`, cloud, Kubernetes or registry credentials, writable: code in the container can change the host; mount only what it needs, read-only (`:ro`) (internal: not published)',
        },
      ],
    },
    {
      name: 'a named volume that binds /root',
      code: lines(
        'services:',
        '  app:',
        '    image: example/app:1.0',
        '    volumes:',
        '      - roothome:/mnt/root',
        'volumes:',
        '  roothome:',
        '    driver_opts:',
        '      type: none',
        '      o: bind,ro',
        '      device: /root',
      ),
      findings: [
        {
          line: 5,
          column: 9,
          severity: 'warning',
          service: 'app',
          message:
            'bind of `/root` through named volume "roothome", root\'s home directory, writable: code in the container can change the host; mount only what it needs, read-only (`:ro`) (internal: not published)',
        },
      ],
    },
    {
      // The copies disagreed: the rules' own parser took any `ro` in MODE as read-only, the canonical
      // model the last of `ro`/`rw`, as compose-go's ParseVolume does: `ro,rw` mounts read-write.
      name: 'MODE `ro,rw` is read-write (the last one wins)',
      code: lines('services:', '  app:', '    image: example/app:1.0', '    volumes:', '      - /root:/host/root:ro,rw', '      - ~/.ssh:/root/.ssh:rw,ro'),
      findings: [
        {
          line: 5,
          column: 9,
          severity: 'warning',
          service: 'app',
          message: "bind of `/root`, root's home directory, writable: code in the container can change the host; mount only what it needs, read-only (`:ro`) (internal: not published)",
        },
        {
          line: 6,
          column: 9,
          severity: 'info',
          service: 'app',
          message: 'bind of `~/.ssh`, SSH or GnuPG keys, read-only: code in the container can still read it; mount only what it needs (internal: not published)',
        },
      ],
    },
    {
      name: "a writable bind of the host's programs, libraries or kernel modules; public raises it",
      code: lines(
        'services:',
        '  tools:',
        '    image: example/tools:1.0',
        '    volumes:',
        '      - /usr:/host/usr',
        '      - /usr/local/bin/:/host/bin',
        '      - type: bind',
        '        source: /lib64',
        '        target: /host/lib64',
        '  vpn:',
        '    image: example/vpn:2.0',
        '    ports:',
        '      - "51820:51820/udp"',
        '    volumes:',
        '      - /lib/modules:/lib/modules',
        '      - /sbin:/host/sbin:rw',
      ),
      findings: [
        {
          line: 5,
          column: 9,
          severity: 'warning',
          service: 'tools',
          message:
            "bind of `/usr`, the host's programs and libraries (/usr: the host runs them as root), writable: code in the container can change the host; mount only what it needs, read-only (`:ro`) (adjacent: on default with public service vpn)",
        },
        {
          line: 6,
          column: 9,
          severity: 'warning',
          service: 'tools',
          message:
            "bind of `/usr/local/bin/`, the host's programs and libraries (the host runs them as root), writable: code in the container can change the host; mount only what it needs, read-only (`:ro`) (adjacent: on default with public service vpn)",
        },
        {
          line: 7,
          column: 9,
          severity: 'warning',
          service: 'tools',
          message:
            "bind of `/lib64`, the host's programs and libraries (the host runs them as root), writable: code in the container can change the host; mount only what it needs, read-only (`:ro`) (adjacent: on default with public service vpn)",
        },
        {
          line: 15,
          column: 9,
          severity: 'error',
          service: 'vpn',
          message:
            "bind of `/lib/modules`, the host's kernel modules (the host loads them into its kernel), writable: code in the container can change the host; mount only what it needs, read-only (`:ro`) (public: published on 0.0.0.0:51820)",
        },
        {
          line: 16,
          column: 9,
          severity: 'error',
          service: 'vpn',
          message:
            "bind of `/sbin`, the host's programs and libraries (the host runs them as root), writable: code in the container can change the host; mount only what it needs, read-only (`:ro`) (public: published on 0.0.0.0:51820)",
        },
      ],
    },
  ],
});
