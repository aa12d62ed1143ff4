/** The synchronous worker pool (src/util/worker-pool.ts): results in job order, errors carried back, a dead worker ends the wait. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runJobsSync } from '../src/util/worker-pool';

const POOL = path.resolve(__dirname, '..', 'dist', 'src', 'util', 'worker-pool.js');

/** A worker script (plain JS over the built pool): doubles numbers, throws on 'throw', exits on 'exit'. */
function script(): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'compose-lint-pool-')), 'worker.js');
  fs.writeFileSync(
    file,
    `require(${JSON.stringify(POOL)}).serveJobs((job, data) => {
  if (job === 'throw') throw Object.assign(new Error('no such job'), { name: 'LoadError' });
  if (job === 'exit') process.exit(3);
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

  test('a missing script starts nothing', () => {
    expect(() => runJobsSync('/nonexistent/worker.js', 1, [1], 1)).toThrow('worker script /nonexistent/worker.js is missing');
  });
});
