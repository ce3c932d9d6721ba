// Pure helpers of the profiler view: what each mode does, how long a run may take, and what a
// failed run's message means to someone who has to act on it.

import type { ProfilingInfo, ProfilingMode } from '../../api/profiler';

/** What each of Flink's modes records (after Flink's profiler documentation). */
export const MODE_DESCRIPTIONS: Record<ProfilingMode, string> = {
  CPU: 'CPU: stack samples of Java, native, JVM and kernel code (needs perf_events on the machine)',
  ALLOC: 'Allocation: where objects are allocated, weighted by heap pressure',
  LOCK: 'Lock: where threads wait to enter locks and monitors, weighted by time',
  WALL: 'Wall-clock: every thread sampled equally, running, sleeping or blocked',
  ITIMER: 'ITIMER: like CPU without perf_events (no kernel frames): works in most containers',
};

/** Flink's default `rest.profiling.duration-max` is 300 s; a cluster may set less (it then says so). */
export const MAX_DURATION_SECONDS = 300;
export const DEFAULT_DURATION_SECONDS = 10;

/** A duration field's value as whole seconds within 1..300, or null when it is not one. */
export function parseDuration(text: string): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const seconds = Number(text);
  return seconds >= 1 && seconds <= MAX_DURATION_SECONDS ? seconds : null;
}

/** Newest first. */
export function sortRuns(runs: readonly ProfilingInfo[]): ProfilingInfo[] {
  return [...runs].sort((a, b) => b.triggerTime - a.triggerTime);
}

/** The run still going, if any (Flink allows one per process). */
export function runningRun(runs: readonly ProfilingInfo[]): ProfilingInfo | undefined {
  return runs.find((run) => run.status === 'RUNNING');
}

/** What a failed run's message means and what helps, in words; undefined when there is nothing to add. */
export function failureHint(message: string | null | undefined): string | undefined {
  if (!message) return undefined;
  if (/perf_event|perf events|perf_events/i.test(message)) {
    return 'This mode needs perf_events, which the machine does not allow (kernel.perf_event_paranoid, or a container without the capability). ITIMER mode works without them.';
  }
  if (/still under profiling/i.test(message)) {
    return 'Flink runs one profiling run at a time per process: wait until the running one ends.';
  }
  if (/already started/i.test(message)) {
    return 'async-profiler was still running in this process from an earlier run that failed half-way; restart the process to profile it again.';
  }
  if (/No such file or directory/i.test(message)) {
    return 'The profiler could not write its result: the directory set as rest.profiling.dir does not exist on that machine.';
  }
  if (/UnsatisfiedLinkError|not supported|unsupported|libasyncProfiler|Could not load/i.test(message)) {
    return 'async-profiler does not run on this platform (it needs Linux or macOS on x64 or arm64).';
  }
  return undefined;
}
