/** env_file / label_file folded into environment / labels by the loader, with origins in the files. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadProject } from '../src/load/project';
import { originOf, toPosition } from '../src/model/origin';
import { servicesOf } from '../src/model/project';

function load(files: Record<string, string>) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'service-files-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  try {
    return { dir, ...loadProject({ cwd: dir, files: ['compose.yaml'], osEnv: { HOST: 'db' } }) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('env files fold into a map environment: later files win, environment wins, values interpolated', () => {
  const { project, problems, dir } = load({
    'compose.yaml': 'services:\n  a:\n    image: x\n    env_file: [one.env, two.env]\n    environment:\n      OWN: yes-own\n      SHARED: from-compose\n',
    'one.env': 'SHARED=from-file\nA=1\n',
    'two.env': 'A=2\nURL=http://${HOST}:5432/${OWN}\n',
  });
  expect(problems).toEqual([]);
  const env = servicesOf(project).a.environment as Record<string, unknown>;
  expect(env).toEqual({ OWN: 'yes-own', SHARED: 'from-compose', A: '2', URL: 'http://db:5432/yes-own' });
  expect(toPosition(originOf(env, 'URL')!)).toEqual({ file: 'two.env', line: 2, column: 5, endLine: 2, endColumn: 31 });
  expect(toPosition(originOf(env, 'OWN')!).file).toBe('compose.yaml');
  expect(Object.keys(project.envFiles).sort()).toEqual([path.join(dir, 'one.env'), path.join(dir, 'two.env')]);
});

test('a list environment gets KEY=value entries; label files fold into labels', () => {
  const { project, problems } = load({
    'compose.yaml': 'services:\n  a:\n    image: x\n    env_file: one.env\n    environment: [A=own]\n    labels: {team: core}\n    label_file: labels\n',
    'one.env': 'A=file\nB=2\n',
    labels: 'team=other\ncom.example.tier=web\n',
  });
  expect(problems).toEqual([]);
  const svc = servicesOf(project).a;
  expect(svc.environment).toEqual(['A=own', 'B=2']);
  expect(toPosition(originOf(svc.environment, 1)!)).toEqual({ file: 'one.env', line: 2, column: 3, endLine: 2, endColumn: 4 });
  expect(svc.labels).toEqual({ team: 'core', 'com.example.tier': 'web' });
});
