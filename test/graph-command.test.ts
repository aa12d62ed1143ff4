/** `compose-lint graph` end to end (the CLI run in this process: test/cli-harness.ts), on the bundled reddit example. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli, CliRun } from './cli-harness';

const REDDIT = path.resolve(__dirname, '..', 'fixtures', 'reddit');

/** The CLI in this process (test/cli-harness.ts). */
const run = (args: string[], cwd: string): CliRun => runCli(cwd, args);

test('mermaid is the default format', () => {
  expect(run(['graph'], REDDIT)).toEqual({
    code: 0,
    stderr: '',
    stdout: [
      'flowchart LR',
      '  n0{{"front_net"}}',
      '  n1{{"back_net"}}',
      '  s0["ui<br/>9292->9292/tcp"]',
      '  s1["post"]',
      '  s2["comment"]',
      '  s3[("post_db")]',
      '  u0["comment_db?"]',
      '  s0 --- n0',
      '  s0 --- n1',
      '  s1 --- n0',
      '  s1 --- n1',
      '  s2 --- n0',
      '  s2 --- n1',
      '  s3 --- n1',
      '  s0 -->|"depends_on, environment"| s1',
      '  s0 -->|"depends_on, environment"| s2',
      '  s1 -->|"depends_on, environment"| s3',
      '  s2 -->|"links"| s3',
      '  s2 -.->|"environment"| u0',
      '',
    ].join('\n'),
  });
});

test('dot with -f', () => {
  const r = run(['graph', '-f', 'fixtures/reddit/compose.yaml', '--format', 'dot'], path.resolve(REDDIT, '..', '..'));
  expect(r.code).toBe(0);
  expect(r.stdout.split('\n').slice(0, 8)).toEqual([
    'digraph "reddit" {',
    '  rankdir=LR;',
    '  node [fontname="Helvetica"];',
    '  edge [fontname="Helvetica", fontsize=10];',
    '  n0 [shape=hexagon, label="front_net"];',
    '  n1 [shape=hexagon, label="back_net"];',
    '  s0 [shape=box, label="ui\\n9292->9292/tcp"];',
    '  s1 [shape=box, label="post"];',
  ]);
  expect(r.stdout).toContain('  s2 -> u0 [label="environment", style=dashed, color=red];\n}\n');
});

test('json: the project, networks with their names, services with ports, edges', () => {
  const r = run(['graph', '--format', 'json'], REDDIT);
  expect(r.code).toBe(0);
  const g = JSON.parse(r.stdout);
  expect(g.project).toBe('reddit');
  expect(g.networks.map((n: { name: string; members: string[] }) => [n.name, n.members])).toEqual([
    ['front_net', ['ui', 'post', 'comment']],
    ['back_net', ['ui', 'post', 'comment', 'post_db']],
  ]);
  expect(g.services[0]).toEqual({
    name: 'ui',
    namespace: 'own',
    networks: ['front_net', 'back_net'],
    datastore: false,
    published: [{ hostIp: '', published: '9292', target: 9292, protocol: 'tcp' }],
    listening: ['9292/tcp'],
  });
  expect(g.edges.at(-1)).toEqual({ from: 'comment', to: 'comment_db', kinds: ['environment'], via: ['comment_db'], resolved: false });
});

test('an unknown format is a usage error (exit 2)', () => {
  expect(run(['graph', '--format', 'png'], REDDIT)).toEqual({ code: 2, stdout: '', stderr: 'compose-lint: unknown format "png"; use mermaid, dot or json\n' });
  expect(run(['graph', '--format', 'graphviz'], REDDIT)).toEqual({
    code: 2,
    stdout: '',
    stderr: 'compose-lint: unknown format "graphviz" (did you mean "dot"? Graphviz reads DOT); use mermaid, dot or json\n',
  });
  expect(run(['graph', '--format', 'mermiad'], REDDIT)).toEqual({ code: 2, stdout: '', stderr: 'compose-lint: unknown format "mermiad" (did you mean "mermaid"?); use mermaid, dot or json\n' });
});

test('load errors go to stderr with exit 1; the graph of what loaded is still printed', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'graph-cli-'));
  try {
    fs.writeFileSync(path.join(dir, 'compose.yaml'), 'services:\n  web:\n    image: nginx\n    ports: 80\n');
    const r = run(['graph'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('compose.yaml:4: error: services.web.ports: must be a list, not the number 80 [schema]\n');
    expect(r.stdout).toBe('flowchart LR\n  n0{{"default"}}\n  s0["web"]\n  s0 --- n0\n');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
