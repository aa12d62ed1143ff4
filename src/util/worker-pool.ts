/**
 * A small pool of worker threads driven synchronously: the caller blocks (Atomics.wait) while the
 * workers run, so a synchronous API (lintSync) can spread its work over the cores. Jobs are handed
 * out one at a time as workers finish (projects differ in size); results come back in job order.
 *
 * The worker script calls `serveJobs` with its job handler.
 */
import * as fs from 'fs';
import * as path from 'path';
import { MessageChannel, MessagePort, Worker, receiveMessageOnPort, workerData } from 'worker_threads';

/** What a job handler threw, carried back to the caller (which rethrows it as its own class). */
export interface JobError {
  name: string;
  message: string;
}

/** A job's result, or what its handler threw. */
export type JobOutcome<R> = { result: R } | { error: JobError };
type Reply<R> = JobOutcome<R> & { id: number };

interface PoolData {
  port: MessagePort;
  /**
   * Int32 slots: [0] counts replies; for worker `index`, [1 + 2 * index] is set to 1 when it exits
   * and [2 + 2 * index] holds its thread's OS id (0 where unknown: see osThreadId).
   */
  signal: SharedArrayBuffer;
  index: number;
  data: unknown;
}

/**
 * Run `handle` over `jobs` in `size` worker threads of `script` (a .js file calling serveJobs),
 * each started with `data`. The outcomes in job order. Blocks the calling thread.
 * @throws Error when `script` does not exist (no worker is started), or when a worker stops before
 *   answering its job (a crash the worker could not report; the caller must not wait forever)
 */
export function runJobsSync<J, R>(script: string, data: unknown, jobs: readonly J[], size: number): JobOutcome<R>[] {
  if (!fs.existsSync(script)) throw new Error(`worker script ${script} is missing`);
  const count = Math.min(size, jobs.length);
  const signal = new SharedArrayBuffer(4 * (1 + 2 * count));
  const counter = new Int32Array(signal);
  const results = new Array<JobOutcome<R>>(jobs.length);
  const workers: { worker: Worker; port: MessagePort; busy: boolean }[] = [];
  let next = 0;
  let done = 0;
  const assign = (w: { port: MessagePort; busy: boolean }): void => {
    w.busy = next < jobs.length;
    if (w.busy) w.port.postMessage({ id: next, job: jobs[next++] });
  };
  try {
    for (let k = 0; k < count; k++) {
      const { port1, port2 } = new MessageChannel();
      const pool: PoolData = { port: port2, signal, index: k, data };
      const worker = new Worker(script, { workerData: pool, transferList: [port2] });
      const w = { worker, port: port1, busy: false };
      workers.push(w);
      assign(w);
    }
    while (done < jobs.length) {
      const seen = Atomics.load(counter, 0);
      for (const [k, w] of workers.entries()) {
        const exited = Atomics.load(counter, 1 + 2 * k) === 1; // read before draining: its last reply is then drained too
        for (let m = receiveMessageOnPort(w.port); m; m = receiveMessageOnPort(w.port)) {
          const { id, ...outcome } = m.message as Reply<R>;
          results[id] = outcome;
          done++;
          assign(w);
        }
        if (exited && w.busy) throw new Error(`worker thread ${k + 1} of ${count} stopped before answering its job`);
      }
      // The timeout bounds the wait when a worker dies without its exit hook running (it cannot
      // notify): out of memory, V8 ends the thread at once. No event reaches a thread blocked here,
      // so each wait that times out looks for the busy workers' threads themselves.
      if (done < jobs.length && Atomics.wait(counter, 0, seen, 1000) === 'timed-out') {
        const gone = workers.findIndex((w, k) => w.busy && !threadAlive(Atomics.load(counter, 2 + 2 * k)));
        if (gone !== -1) throw new Error(`worker thread ${gone + 1} of ${count} stopped before answering its job`);
      }
    }
  } finally {
    for (const { worker, port } of workers) {
      port.close();
      void worker.terminate();
    }
  }
  return results;
}

/**
 * In a worker started by runJobsSync: answer each job with `handle(job, data)`; a thrown error is
 * sent back as a JobError. Every reply wakes the caller.
 */
export function serveJobs<J, R>(handle: (job: J, data: unknown) => R): void {
  const pool = workerData as PoolData;
  const counter = new Int32Array(pool.signal);
  const reply = (r: Reply<R>): void => {
    pool.port.postMessage(r);
    Atomics.add(counter, 0, 1);
    Atomics.notify(counter, 0);
  };
  Atomics.store(counter, 2 + 2 * pool.index, osThreadId());
  process.on('exit', () => {
    Atomics.store(counter, 1 + 2 * pool.index, 1);
    Atomics.add(counter, 0, 1);
    Atomics.notify(counter, 0);
  });
  pool.port.on('message', ({ id, job }: { id: number; job: J }) => {
    try {
      reply({ id, result: handle(job, pool.data) });
    } catch (e) {
      const err = e as Error;
      reply({ id, error: { name: err.name ?? 'Error', message: err.message ?? String(e) } });
    }
  });
}

/**
 * The OS id of the calling thread, from Linux's /proc/thread-self (a link to /proc/<pid>/task/<tid>);
 * 0 elsewhere, where a worker that dies without its exit hook is not detected.
 */
function osThreadId(): number {
  try {
    return Number(path.basename(fs.readlinkSync('/proc/thread-self'))) || 0;
  } catch {
    return 0;
  }
}

/** Whether thread `tid` of this process still runs (true when unknown: tid 0). Its /proc entry goes when it ends. */
function threadAlive(tid: number): boolean {
  return tid === 0 || fs.existsSync(`/proc/self/task/${tid}`);
}
