/**
 * A worker thread of lintSync (see lintInWorkers in api.ts): lints the projects it is handed, one
 * at a time, with the options of the run.
 */
import { serveJobs } from './util/worker-pool';
import { lintPlanJob, type WorkerOptions } from './api';
import type { LoadOptions } from './load/options';

serveJobs((plan: LoadOptions, data) => lintPlanJob(plan, data as WorkerOptions));
