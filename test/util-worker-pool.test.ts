/** The synchronous worker pool (src/util/worker-pool.ts): results in job order, errors carried back, a dead worker ends the wait. */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runJobsSync } from '../src/util/worker-pool';

const POOL = path.resolve(__dirname, '..', 'dist', 'src', 'util', 'worker-pool.js');

/** A worker script (plain JS over the built pool): doubles numbers, throws on 'throw', exits on 'exit', ends without its exit hook on 'die'. */
function script(): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'compose-lint-pool-')), 'worker.js');
  fs.writeFileSync(
    file,
    `require(${JSON.stringify(POOL)}).serveJobs((job, data) => {
  if (job === 'throw') throw Object.assign(new Error('no such job'), { name: 'LoadError' });
  if (job === 'exit') process.exit(3);
  // As out of memory ends a worker: its thread stops and no exit hook runs.
  if (job === 'die') { process.removeAllListeners('exit'); process.exit(4); }
  return job * data;
});\n`,
  );
  return file;
}

describe('runJobsSync', () => {
  test('answers in job order, with each handler error as a JobError', () => {
    expect(runJobsSync(script(), 2, [1, 2, 'throw', 4, 5], 2)).toEqual([{ result: 2 }, { result: 4 }, { error: { name: 'LoadError', message: 'no such job' } }, { result: 8 }, { result: 10 }]);
  });

  test('a worker that exits before answering ends the run with an error instead of a wait forever', () => {
    expect(() => runJobsSync(script(), 2, [1, 'exit', 3, 4], 2)).toThrow(/^worker thread [12] of 2 stopped before answering its job$/);
  });

  // Linux only: the pool finds a worker's thread in /proc/self/task (elsewhere such a death is not
  // detected). Run in a child process: a pool that waits forever would block jest itself.
  (process.platform === 'linux' ? test : test.skip)('a worker that ends without its exit hook (out of memory) ends the run with an error instead of a wait forever', () => {
    const run = `try { require(${JSON.stringify(POOL)}).runJobsSync(${JSON.stringify(script())}, 2, [1, 'die', 3], 1); console.log('no error'); } catch (e) { console.log(e.message); }`;
    const r = spawnSync(process.execPath, ['-e', run], { encoding: 'utf8', timeout: 30_000 });
    expect(r.signal).toBeNull();
    expect(r.stdout).toBe('worker thread 1 of 1 stopped before answering its job\n');
  });

  test('a missing script starts nothing', () => {
    expect(() => runJobsSync('/nonexistent/worker.js', 1, [1], 1)).toThrow('worker script /nonexistent/worker.js is missing');
  });
});
