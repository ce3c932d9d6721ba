// The triage engine: "what is wrong now", ranked across every running job. Pure: it reads what
// the tracker remembers per job (job details, checkpoint statistics, restarts over the window,
// busy / back-pressured shares between two polls), the newest watermark read at each job's sinks
// and the newest metrics of each task manager. The triage page, the overview's panel and the
// health wall all read these findings (the wall through health.ts / tracker.ts, the same track).

import type { JobDetails } from '../../api/jobs';
import { formatBytes, formatDuration, formatTimestamp } from '../format';
import type { VertexRates } from '../vertex-rates';
import { links } from '../paths';
import { backPressureChains, bottleneckWords, BUSY } from './bottleneck';
import { countInWindow } from './counter-history';
import { consecutiveFailures, type JobTrack } from './tracker';

export type FindingKind =
  | 'back-pressure'
  | 'busy'
  | 'busy-subtask'
  | 'watermark-lag'
  | 'checkpoint-failed'
  | 'checkpoint-slow'
  | 'restarts'
  | 'heap'
  | 'gc'
  | 'cpu'
  | 'tm-lost';

/** `info` rows rank the top few of a measure; `warn` and `bad` ones are something wrong. */
export type FindingLevel = 'info' | 'warn' | 'bad';

export interface Finding {
  /** Stable identity across polls (for "since when"). */
  readonly key: string;
  readonly kind: FindingKind;
  readonly level: FindingLevel;
  readonly jobId: string | null;
  readonly jobName: string | null;
  /** Where: a vertex, a checkpoint, a task manager. */
  readonly subject: string;
  /** What the rows of a kind are ranked by (higher is worse). */
  readonly value: number;
  readonly valueText: string;
  /** The cause or context in words (the bottleneck of a back-pressured chain). */
  readonly detail: string | null;
  /** The exact view (app path from lib/paths). */
  readonly link: string;
  readonly linkText: string;
}

export const TRIAGE_WINDOW_MS = 60 * 60_000;
/** Rows per kind. */
export const TOP_N = 5;

export const TRIAGE_THRESHOLDS = Object.freeze({
  watermarkLagWarnMs: 60_000,
  watermarkLagBadMs: 10 * 60_000,
  slowCheckpointWarnMs: 60_000,
  /** Subtasks below this share of busy time are not ranked. */
  busySubtaskMin: 0.1,
  heapWarn: 0.85,
  heapBad: 0.95,
  gcWarnMsPerSecond: 100,
  cpuWarn: 0.9,
  restartsBad: 3,
});

export interface TriageJob {
  readonly jid: string;
  readonly name: string;
  readonly track: JobTrack | undefined;
  /** The lowest input watermark at one of the job's sinks, when read; absent or negative: no event time. */
  readonly sinkWatermark?: { readonly vertexId: string; readonly vertexName: string; readonly watermark: number };
  /**
   * Per-subtask busy time of the hottest vertices with several subtasks, as last read
   * (busyTimeMsPerSecond by subtask index). A vertex with one subtask needs none: its busy share
   * from the job details is its subtask's.
   */
  readonly subtaskBusy?: readonly SubtaskBusyReading[];
}

export interface SubtaskBusyReading {
  readonly vertexId: string;
  readonly subtasks: readonly { readonly index: number; readonly msPerSecond: number }[];
}

/** A task manager that left the list while the page was open. */
export interface LostTaskManager {
  readonly id: string;
  /** When the list first lacked it (JobManager clock, ms). */
  readonly at: number;
  /** Jobs that restarted around then, by name. */
  readonly restartedJobs: readonly string[];
}

export interface TriageTaskManager {
  readonly id: string;
  readonly heapUsed: number | null;
  readonly heapMax: number | null;
  readonly gcMsPerSecond: number | null;
  /** The JVM's CPU load, in [0, 1]. */
  readonly cpuLoad: number | null;
}

export interface TriageInput {
  /** JobManager time of the newest answer (ms). */
  readonly now: number;
  readonly jobs: readonly TriageJob[];
  readonly taskManagers: readonly TriageTaskManager[];
  readonly lostTaskManagers?: readonly LostTaskManager[];
  readonly windowMs?: number;
}

const pct = (share: number): string => `${Math.round(share * 100)}%`;
const plural = (n: number, one: string): string => `${n} ${one}${n === 1 ? '' : 's'}`;

function top(rows: Finding[]): Finding[] {
  return rows.sort((a, b) => b.value - a.value || a.key.localeCompare(b.key)).slice(0, TOP_N);
}

/**
 * What one job's track alone gives (back pressure, busy vertices, single-subtask busy time, the
 * slowest checkpoint), kept per track: a track is a new object only when a new answer for that job
 * came, so a refresh that read a few jobs re-derives only those (with a hundred running jobs, the
 * plan walks and rate lookups of the others are not redone on every answer).
 */
const byTrack = new WeakMap<JobTrack, { readonly name: string; readonly findings: readonly Finding[] }>();

function trackFindings(job: TriageJob, track: JobTrack): readonly Finding[] {
  const known = byTrack.get(track);
  if (known && known.name === job.name) return known.findings;
  const findings = deriveTrackFindings(job, track);
  byTrack.set(track, { name: job.name, findings });
  return findings;
}

function deriveTrackFindings(job: TriageJob, track: JobTrack): Finding[] {
  const out: Finding[] = [];
  const details = track.details;
  const base = { jobId: job.jid, jobName: job.name };
  if (details) {
    const rates = track.rates.rates;
    for (const chain of backPressureChains(details, rates)) {
      const also = chain.alsoBackPressured.length > 0 ? ` (also waiting: ${chain.alsoBackPressured.join(', ')})` : '';
      out.push({
        ...base,
        key: `bp:${job.jid}:${chain.vertexId}`,
        kind: 'back-pressure',
        level: 'warn',
        subject: chain.vertexName,
        value: chain.backPressured,
        valueText: `${pct(chain.backPressured)} back-pressured`,
        detail: `${bottleneckWords(chain)}${also}`,
        link: links.vertex(job.jid, chain.vertexId, 'backpressure'),
        linkText: 'back pressure',
      });
    }
    for (const vertex of details.vertices) {
      const busy = rates.get(vertex.id)?.busy ?? null;
      if (busy === null || busy < BUSY) continue;
      out.push({
        ...base,
        key: `busy:${job.jid}:${vertex.id}`,
        kind: 'busy',
        level: 'info',
        subject: vertex.name,
        value: busy,
        valueText: `${pct(busy)} busy`,
        detail: `${plural(vertex.parallelism, 'subtask')}`,
        link: links.vertex(job.jid, vertex.id, 'subtasks'),
        linkText: 'subtasks',
      });
    }
    out.push(...singleSubtaskFindings(job, details, rates));
    const slowest = track.checkpoints?.history
      .filter((c) => c.status === 'COMPLETED' && Number.isFinite(c.end_to_end_duration))
      .sort((a, b) => b.end_to_end_duration - a.end_to_end_duration)[0];
    if (slowest) {
      out.push({
        ...base,
        key: `cp-slow:${job.jid}:${slowest.id}`,
        kind: 'checkpoint-slow',
        level: slowest.end_to_end_duration >= TRIAGE_THRESHOLDS.slowCheckpointWarnMs ? 'warn' : 'info',
        subject: `checkpoint ${slowest.id}`,
        value: slowest.end_to_end_duration,
        valueText: formatDuration(slowest.end_to_end_duration),
        detail: `${formatBytes(slowest.checkpointed_size)} checkpointed`,
        link: links.checkpoint(job.jid, slowest.id),
        linkText: `checkpoint ${slowest.id}`,
      });
    }
  }
  return out;
}

function jobFindings(job: TriageJob, now: number, windowMs: number): Finding[] {
  const track = job.track;
  const details = track?.details;
  const base = { jobId: job.jid, jobName: job.name };
  const out: Finding[] = track ? [...trackFindings(job, track)] : [];
  if (details && track) {
    out.push(...namedSubtaskFindings(job, details));

    const restarts = countInWindow(track.restarts, now, windowMs);
    if (restarts.count > 0) {
      out.push({
        ...base,
        key: `restarts:${job.jid}`,
        kind: 'restarts',
        level: restarts.count >= TRIAGE_THRESHOLDS.restartsBad ? 'bad' : 'warn',
        subject: 'job',
        value: restarts.count,
        valueText: plural(restarts.count, 'restart'),
        detail: `seen in the last ${formatDuration(restarts.spanMs)}${
          track.restartTotal > restarts.count ? `; ${track.restartTotal} since submission` : ''
        }`,
        link: links.job(job.jid, 'exceptions'),
        linkText: 'exceptions',
      });
    }

    const checkpoints = track.checkpoints;
    if (checkpoints) {
      const failed = countInWindow(track.failedCheckpoints, now, windowMs);
      const lastFailed = checkpoints.history.filter((c) => c.status === 'FAILED').sort((a, b) => b.id - a.id)[0];
      if (failed.count > 0) {
        const inARow = consecutiveFailures(checkpoints);
        out.push({
          ...base,
          key: `cp-failed:${job.jid}`,
          kind: 'checkpoint-failed',
          level: inARow >= 3 ? 'bad' : 'warn',
          subject: lastFailed ? `checkpoint ${lastFailed.id}` : 'checkpoints',
          value: failed.count,
          valueText: `${plural(failed.count, 'failed checkpoint')}`,
          detail: `in the last ${formatDuration(failed.spanMs)}${inARow > 0 ? `; the last ${inARow} in a row` : ''}`,
          link: lastFailed ? links.checkpoint(job.jid, lastFailed.id) : links.job(job.jid, 'checkpoints'),
          linkText: lastFailed ? `checkpoint ${lastFailed.id}` : 'checkpoints',
        });
      }
    }
  }

  const wm = job.sinkWatermark;
  // Long.MIN_VALUE (no watermark yet, or no event time) comes as a large negative number.
  if (wm && Number.isFinite(wm.watermark) && wm.watermark > 0) {
    const lag = Math.max(0, now - wm.watermark);
    const t = TRIAGE_THRESHOLDS;
    out.push({
      ...base,
      key: `wm:${job.jid}`,
      kind: 'watermark-lag',
      level: lag >= t.watermarkLagBadMs ? 'bad' : lag >= t.watermarkLagWarnMs ? 'warn' : 'info',
      subject: wm.vertexName,
      value: lag,
      valueText: `${formatDuration(lag)} behind`,
      detail: 'lowest input watermark at the sink, behind the JobManager clock',
      link: links.vertex(job.jid, wm.vertexId, 'watermarks'),
      linkText: 'watermarks',
    });
  }
  return out;
}

/** A busy subtask's row, or none below the threshold. */
function busySubtask(
  job: TriageJob,
  vertex: { readonly id: string; readonly name: string; readonly parallelism: number },
  index: number,
  share: number,
): Finding[] {
  if (!Number.isFinite(share) || share < TRIAGE_THRESHOLDS.busySubtaskMin) return [];
  const { id: vertexId, name: vertexName, parallelism } = vertex;
  return [
    {
      jobId: job.jid,
      jobName: job.name,
      key: `busy-subtask:${job.jid}:${vertexId}:${index}`,
      kind: 'busy-subtask',
      level: 'info',
      subject: `${vertexName}, subtask ${index}`,
      value: share,
      valueText: `${pct(share)} busy`,
      detail: parallelism > 1 ? `the busiest of ${plural(parallelism, 'subtask')}` : 'its only subtask',
      link: `${links.vertex(job.jid, vertexId, 'subtasks')}?subtask=${index}`,
      linkText: `subtask ${index}`,
    },
  ];
}

/** The busiest subtasks of single-subtask vertices: their busy share from the details' rates. */
function singleSubtaskFindings(
  job: TriageJob,
  details: JobDetails,
  rates: ReadonlyMap<string, VertexRates>,
): Finding[] {
  return details.vertices.flatMap((vertex) => {
    const busy = vertex.parallelism === 1 ? (rates.get(vertex.id)?.busy ?? null) : null;
    return busy === null ? [] : busySubtask(job, vertex, 0, busy);
  });
}

/** The busiest subtasks of wider vertices, as read by name. */
function namedSubtaskFindings(job: TriageJob, details: JobDetails): Finding[] {
  return (job.subtaskBusy ?? []).flatMap((reading) => {
    const vertex = details.vertices.find((v) => v.id === reading.vertexId);
    return vertex ? reading.subtasks.flatMap((s) => busySubtask(job, vertex, s.index, s.msPerSecond / 1000)) : [];
  });
}

function lostFindings(lost: LostTaskManager, now: number, windowMs: number): Finding[] {
  if (lost.at < now - windowMs) return [];
  return [
    {
      jobId: null,
      jobName: null,
      key: `tm-lost:${lost.id}`,
      kind: 'tm-lost',
      level: 'bad',
      subject: lost.id,
      value: lost.at,
      valueText: `lost at ${formatTimestamp(lost.at)}`,
      detail:
        lost.restartedJobs.length > 0
          ? `restarted around then: ${lost.restartedJobs.join(', ')}`
          : 'no job was seen restarting around then',
      link: links.taskManagers(),
      linkText: 'task managers',
    },
  ];
}

function taskManagerFindings(tm: TriageTaskManager): Finding[] {
  const out: Finding[] = [];
  const base = { jobId: null, jobName: null, subject: tm.id };
  const link = links.taskManager(tm.id, 'metrics');
  const t = TRIAGE_THRESHOLDS;
  if (tm.heapUsed !== null && tm.heapMax !== null && tm.heapMax > 0) {
    const share = tm.heapUsed / tm.heapMax;
    out.push({
      ...base,
      key: `heap:${tm.id}`,
      kind: 'heap',
      level: share >= t.heapBad ? 'bad' : share >= t.heapWarn ? 'warn' : 'info',
      value: share,
      valueText: `${pct(share)} heap`,
      detail: `${formatBytes(tm.heapUsed)} of ${formatBytes(tm.heapMax)}`,
      link,
      linkText: 'metrics',
    });
  }
  if (tm.gcMsPerSecond !== null) {
    out.push({
      ...base,
      key: `gc:${tm.id}`,
      kind: 'gc',
      level: tm.gcMsPerSecond >= t.gcWarnMsPerSecond ? 'warn' : 'info',
      value: tm.gcMsPerSecond,
      valueText: `${Math.round(tm.gcMsPerSecond)} ms/s in GC`,
      detail: null,
      link,
      linkText: 'metrics',
    });
  }
  if (tm.cpuLoad !== null) {
    out.push({
      ...base,
      key: `cpu:${tm.id}`,
      kind: 'cpu',
      level: tm.cpuLoad >= t.cpuWarn ? 'warn' : 'info',
      value: tm.cpuLoad,
      valueText: `${pct(tm.cpuLoad)} CPU`,
      detail: null,
      link,
      linkText: 'metrics',
    });
  }
  return out;
}

/** Every finding, grouped by kind in KIND_ORDER, ranked worst first and cut to TOP_N per kind. */
export function triageFindings(input: TriageInput): Finding[] {
  const windowMs = input.windowMs ?? TRIAGE_WINDOW_MS;
  const all = [
    ...input.jobs.flatMap((job) => jobFindings(job, input.now, windowMs)),
    ...input.taskManagers.flatMap(taskManagerFindings),
    ...(input.lostTaskManagers ?? []).flatMap((lost) => lostFindings(lost, input.now, windowMs)),
  ];
  return KIND_ORDER.flatMap((kind) => top(all.filter((f) => f.kind === kind)));
}

export const KIND_ORDER: readonly FindingKind[] = [
  'tm-lost',
  'back-pressure',
  'busy',
  'busy-subtask',
  'watermark-lag',
  'checkpoint-failed',
  'checkpoint-slow',
  'restarts',
  'heap',
  'gc',
  'cpu',
];

export const KIND_TITLES: Record<FindingKind, string> = {
  'back-pressure': 'Back pressure and its bottleneck',
  busy: 'Busiest vertices',
  'busy-subtask': 'Busiest subtasks',
  'watermark-lag': 'Watermark lag behind wall clock',
  'checkpoint-failed': 'Failing checkpoints',
  'checkpoint-slow': 'Slowest checkpoints',
  restarts: 'Restarts in the last hour',
  heap: 'Task managers: heap use',
  gc: 'Task managers: GC time',
  cpu: 'Task managers: CPU load',
  'tm-lost': 'Task managers lost',
};

/** Something is wrong (the overview shows its panel). */
export const isProblem = (f: Finding): boolean => f.level !== 'info';

/**
 * Since when each finding holds, as seen while the page was open: the first time its key was
 * seen in the current run of polls. A key not in the findings any more is forgotten (bounded).
 */
export function advanceSince(
  previous: ReadonlyMap<string, number>,
  findings: readonly Finding[],
  now: number,
): ReadonlyMap<string, number> {
  const next = new Map<string, number>();
  let changed = previous.size !== findings.length;
  for (const f of findings) {
    const since = previous.get(f.key);
    if (since === undefined) changed = true;
    next.set(f.key, since ?? now);
  }
  return changed ? next : previous;
}
