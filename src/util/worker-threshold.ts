/**
 * Projects are linted in worker threads only when at least this many are to be linted: a worker
 * costs about 0.2 s of CPU to start (the bundle and its code cache), the time of some 20-40 small
 * projects; at 50 ten-service projects two workers were slower than one thread (scripts/bench.js).
 * Its own module so the CLI's help text can say it without loading the API at start-up.
 */
export const WORKER_THRESHOLD = 100;
