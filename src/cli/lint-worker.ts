/**
 * A worker thread of lintSync (see lintInWorkers in src/api.ts): lints the projects it is handed,
 * one at a time, with the options of the run. It runs the CLI bundle (with its V8 code cache, see
 * boot.ts) when there is one: a worker then starts in about the time the CLI does, not the several
 * hundred milliseconds of requiring every module one by one.
 */
import { serveJobs } from '../util/worker-pool';
import { BUNDLE_FILE, loadBundleExports } from './boot';
import type { LoadOptions } from '../load/options';
import type { WorkerOptions } from '../api';

type Job = typeof import('../api').lintPlanJob;
const lintPlanJob: Job = (loadBundleExports(BUNDLE_FILE)?.lintPlanJob as Job | undefined) ?? (require('../api') as typeof import('../api')).lintPlanJob;

serveJobs((plan: LoadOptions, data) => lintPlanJob(plan, data as WorkerOptions));
