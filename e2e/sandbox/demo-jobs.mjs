// @ts-check
// The demo jobs the sandbox submits, in one place: the sandbox submits them, and the tests
// look them up by these names. The Java sources live in e2e/demo-jobs.

/**
 * @typedef {object} DemoJob
 * @property {string} key         short handle used by tests
 * @property {string} entryClass  main class inside the demo jar
 * @property {string} name        the job name the main class passes to env.execute()
 * @property {'RUNNING' | 'FINISHED' | 'CANCELED' | 'FAILED'} settlesAs  the state the sandbox waits for
 * @property {string[]} [programArgs]
 * @property {boolean} [settlesLater]  a slow job the sandbox does not wait for: it is still running
 *   when the sandbox is ready and reaches `settlesAs` a minute or two later
 */

const pkg = 'dev.flinkdashboard.demo';

/** @type {DemoJob[]} */
export const demoJobs = [
  { key: 'eventTime', entryClass: `${pkg}.EventTimeOrdersJob`, name: 'Demo: event-time orders', settlesAs: 'RUNNING' },
  {
    key: 'backpressure',
    entryClass: `${pkg}.BackpressureJob`,
    name: 'Demo: backpressured pipeline',
    settlesAs: 'RUNNING',
  },
  {
    key: 'flaky',
    entryClass: `${pkg}.FlakyJob`,
    name: 'Demo: flaky job',
    settlesAs: 'RUNNING',
    programArgs: ['--fail-after-seconds', '30'],
  },
  { key: 'bounded', entryClass: `${pkg}.BoundedJob`, name: 'Demo: bounded batch of orders', settlesAs: 'FINISHED' },
  {
    key: 'failed',
    entryClass: `${pkg}.FailedJob`,
    name: 'Demo: job that fails for good',
    settlesAs: 'FAILED',
    programArgs: ['--fail-after-seconds', '8'],
  },
  {
    key: 'cancelMe',
    entryClass: `${pkg}.CancelMeJob`,
    name: 'Demo: job canceled by the sandbox',
    settlesAs: 'CANCELED',
  },
  { key: 'wide', entryClass: `${pkg}.WideJob`, name: 'Demo: wide pipeline (44 vertices)', settlesAs: 'RUNNING' },
  {
    key: 'failingCheckpoints',
    entryClass: `${pkg}.FailingCheckpointsJob`,
    name: 'Demo: checkpoints that sometimes fail',
    settlesAs: 'RUNNING',
  },
  {
    key: 'hostile',
    entryClass: `${pkg}.HostileNamesJob`,
    name: `Demo: <img src=x onerror=alert('xss-job')> & <script>alert("xss-job")</script> markup`,
    settlesAs: 'RUNNING',
  },
  {
    // BATCH runtime mode: Flink runs it on the adaptive batch scheduler, which (2.x) builds the job
    // graph while the job runs; the slow source keeps it running ~75 s, then it stays FINISHED.
    key: 'adaptiveBatch',
    entryClass: `${pkg}.AdaptiveBatchJob`,
    name: 'Demo: adaptive batch job',
    settlesAs: 'FINISHED',
    settlesLater: true,
  },
];

/**
 * @param {DemoJob['key']} key
 * @returns {DemoJob}
 */
export function demoJob(key) {
  const job = demoJobs.find((j) => j.key === key);
  if (!job) throw new Error(`no demo job with key ${key}`);
  return job;
}
