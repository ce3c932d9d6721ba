// The triage engine's data, within a strict request budget that does not grow with the cluster (the
// schedule is schedule.ts, pure and unit-tested). On the triage page, every refresh:
// `GET /jobs/overview` and, read in turn, at most 8 running jobs' `GET /jobs/:id` (its per-vertex
// accumulated busy / back-pressured / idle times give back pressure and the bottleneck for every
// vertex at once; jobs whose job list entry changed first; all of them when 8 or fewer run). The
// rest is read round-robin, ONE of each per refresh: a running job's checkpoint statistics (`/jobs/:id/checkpoints`), the lowest input
// watermark at one event-time job's sink (`.../subtasks/metrics?get=currentInputWatermark&agg=min`),
// one task manager's heap, GC and CPU (`/taskmanagers/:id/metrics?get=...`), and one busy read
// (a vertex's busiest subtask, `.../subtasks/metrics?get=busyTimeMsPerSecond&agg=max`, or the
// per-subtask values of one of the 3 hottest vertices, `.../vertices/:v/metrics?get=0.busyTimeMsPerSecond,...`);
// the task manager list every tenth refresh. On the overview's panel (`panel` mode) the engine
// adds ONE read every other refresh to what the overview polls anyway (job list, task managers):
// the job details in turn, then a job's checkpoints, a task manager's metrics, a sink watermark.
// Never a request per job, vertex or subtask on each refresh; findings are kept between reads and
// the page says how old the reads are (`Freshness`). Findings are derived per job from its
// answers (memoised in findings.ts), so one new answer does not re-derive a hundred jobs.

import {
  hashKey,
  useQuery,
  useQueryClient,
  type QueryClient,
  type QueryKey,
  type UseQueryResult,
} from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { checkpointingStatisticsQueryOptions, type CheckpointingStatistics } from '../../api/checkpoints';
import { isNotFound } from '../../api/errors';
import { jobDetailsQueryOptions, jobsOverviewQueryOptions, type JobDetails, type JobOverview } from '../../api/jobs';
import {
  lowWatermarkQueryOptions,
  subtasksMetricsQueryOptions,
  taskManagerMetricsQueryOptions,
  vertexMetricsQueryOptions,
  type AggregatedMetrics,
  type MetricValues,
} from '../../api/metrics';
import { KEPT_BETWEEN_TURNS_MS, usePolledQuery, usePollInterval } from '../../api/polling';
import { taskManagersQueryOptions } from '../../api/taskmanagers';
import { isActive, oldestFirst } from '../job-states';
import { downstreamOf } from './bottleneck';
import { advanceSince, triageFindings, TRIAGE_WINDOW_MS, type Finding, type TriageTaskManager } from './findings';
import { taskManagerLosses } from '../task-manager-loss';
import {
  DETAILS_PER_REFRESH,
  hotVertices,
  MAX_NAMED_SUBTASKS,
  planTurn,
  type ScheduleVertex,
  type TriageMode,
  type TriageRead,
} from './schedule';
import { advanceTracker, EMPTY_HEALTH_TRACKER, type HealthTracker } from './tracker';
import type { TriageFreshness } from './freshness';

export const TM_METRICS = [
  'Status.JVM.Memory.Heap.Used',
  'Status.JVM.Memory.Heap.Max',
  'Status.JVM.GarbageCollector.All.TimeMsPerSecond',
  'Status.JVM.CPU.Load',
] as const;

/** The budget in words, for the page's help text. */
export function requestBudget(runningJobs: number): string {
  const details =
    runningJobs <= DETAILS_PER_REFRESH
      ? `1 per running job for its details (${runningJobs} now)`
      : `the details of ${DETAILS_PER_REFRESH} of the ${runningJobs} running jobs, read in turn (jobs whose state, ` +
        `task counts or last change moved since their last read first)`;
  return (
    `Per refresh: 1 request for the job list, ${details}, and at most 4 more read in turn: one job's ` +
    `checkpoints, one event-time job's sink watermark, one task manager's heap, GC and CPU, and one vertex's ` +
    `busiest subtask (or, every other refresh, the subtasks of one of the 3 hottest vertices); the task manager ` +
    `list every 10th refresh. Never a request per job, vertex or subtask on every refresh: with more than ` +
    `${DETAILS_PER_REFRESH} running jobs, findings are kept between reads and are as old as their last read.`
  );
}

/** The overview panel's budget in words. */
export const PANEL_BUDGET =
  "One request every other refresh on top of the overview, read in turn: each running job's details, " +
  "a job's checkpoints, a task manager's metrics or a sink watermark; findings are kept between reads.";

const BUSY = ['busyTimeMsPerSecond'];

/** The metric ids naming each subtask's busy time (`0.busyTimeMsPerSecond`, ...). */
export function subtaskBusyIds(parallelism: number): string[] {
  const n = Math.max(0, Math.min(parallelism, MAX_NAMED_SUBTASKS));
  return Array.from({ length: n }, (_, i) => `${i}.busyTimeMsPerSecond`);
}

/** Per-subtask busy time from a vertex metrics answer. */
export function subtaskBusyOf(values: MetricValues): { index: number; msPerSecond: number }[] {
  const out: { index: number; msPerSecond: number }[] = [];
  for (const m of values) {
    const match = /^(\d+)\.busyTimeMsPerSecond$/.exec(m.id);
    const n = Number(m.value);
    if (match && Number.isFinite(n)) out.push({ index: Number(match[1]), msPerSecond: n });
  }
  return out;
}

/** How near a job's restart must be to a task manager's loss to be named with it. */
export const AROUND_MS = 2 * 60_000;

/** The running jobs (by name) whose last restart is within AROUND_MS of `at`. */
export function restartedAround(
  at: number,
  jobs: readonly { name: string; details: JobDetails | undefined }[],
): string[] {
  return jobs
    .filter((j) => {
      const t = j.details?.timestamps.RESTARTING;
      return typeof t === 'number' && t > 0 && Math.abs(t - at) <= AROUND_MS;
    })
    .map((j) => j.name);
}

/** A task manager's reading from its metric values. */
export function taskManagerReading(id: string, values: MetricValues): TriageTaskManager {
  const get = (name: string): number | null => {
    const raw = values.find((m) => m.id === name)?.value;
    const n = raw === undefined ? NaN : Number(raw);
    return Number.isFinite(n) ? n : null;
  };
  return {
    id,
    heapUsed: get('Status.JVM.Memory.Heap.Used'),
    heapMax: get('Status.JVM.Memory.Heap.Max'),
    gcMsPerSecond: get('Status.JVM.GarbageCollector.All.TimeMsPerSecond'),
    cpuLoad: get('Status.JVM.CPU.Load'),
  };
}

const sinks = new WeakMap<JobDetails, { id: string; name: string } | null>();

/** The job's first sink (a vertex with nothing downstream), where the watermark lag is read (once per answer). */
export function sinkOf(details: JobDetails | undefined): { id: string; name: string } | null {
  if (!details) return null;
  const known = sinks.get(details);
  if (known !== undefined) return known;
  const graph = downstreamOf(details);
  const vertex = details.vertices.find((v) => (graph.get(v.id) ?? []).length === 0);
  const sink = vertex ? { id: vertex.id, name: vertex.name } : null;
  sinks.set(details, sink);
  return sink;
}

/** What a job's entry in the job list says that its details would show changed. */
export function overviewSignature(job: JobOverview): string {
  const t = job.tasks;
  return `${job.state}|${job['last-modification']}|${Object.keys(t)
    .sort()
    .map((k) => `${k}=${String(t[k as keyof typeof t])}`)
    .join(',')}`;
}

export interface TriageData {
  readonly jobs: UseQueryResult<{ jobs: JobOverview[] }>;
  readonly findings: readonly Finding[];
  /** Per finding key: when it was first seen while open (JobManager clock). */
  readonly since: ReadonlyMap<string, number>;
  readonly now: number;
  readonly running: number;
  readonly freshness: TriageFreshness;
}

interface EngineState {
  readonly sources: readonly unknown[];
  readonly tracker: HealthTracker;
  readonly since: ReadonlyMap<string, number>;
  readonly findings: readonly Finding[];
  readonly now: number;
}

const EMPTY_STATE: EngineState = {
  sources: [],
  tracker: EMPTY_HEALTH_TRACKER,
  since: new Map(),
  findings: [],
  now: 0,
};

export function useTriageData(mode: TriageMode = 'page'): TriageData {
  const client = useQueryClient();
  const interval = usePollInterval('live');
  const page = mode === 'page';
  const jobs = usePolledQuery(jobsOverviewQueryOptions());
  const jobList = jobs.data?.jobs;
  const running = useMemo(() => oldestFirst((jobList ?? []).filter((j) => isActive(j.state))), [jobList]);

  // Every per-job and per-task-manager answer is read only in turn (schedule.ts), never by its own
  // timer nor all at once when the page opens. They are read from the cache, not observed: an
  // observer per job and list (hundreds) was re-checked on every answer of a refresh. One
  // subscription to the cache re-renders when one of these answers arrives (`useAnswers`).
  // The key lists are kept while the same jobs run (not re-hashed on each answer).
  const runningIds = running.map((j) => j.jid).join(',');
  const detailsKeys = useMemo(
    () => splitIds(runningIds).map((jid) => keyOf(jobDetailsQueryOptions(jid))),
    [runningIds],
  );
  const checkpointsKeys = useMemo(
    () => splitIds(runningIds).map((jid) => keyOf(checkpointingStatisticsQueryOptions(jid))),
    [runningIds],
  );
  const cache = client.getQueryCache();
  const details = detailsKeys.map((k) => answerOf<JobDetails>(cache, k));
  const checkpoints = checkpointsKeys.map((k) => answerOf<CheckpointingStatistics>(cache, k));
  const sinks = running.map((_, i) => sinkOf(details[i]?.data));
  const sinkIds = running.map((job, i) => `${job.jid}/${sinks[i]?.id ?? '-'}`).join(',');
  const watermarkKeys = useMemo(
    () =>
      splitIds(sinkIds).map((pair) => {
        const [jid = '', sink = '-'] = pair.split('/');
        return keyOf(lowWatermarkQueryOptions(jid, sink));
      }),
    [sinkIds],
  );
  const watermarks = watermarkKeys.map((k) => answerOf<AggregatedMetrics>(cache, k));
  // The overview polls the task manager list itself; the page reads it once, then in turn.
  const tmList = useQuery({
    ...taskManagersQueryOptions(),
    ...(page ? { refetchInterval: false as const, staleTime: Infinity } : IN_TURN),
  });
  const tmListData = tmList.data;
  const tmIds = useMemo(() => (tmListData?.taskmanagers ?? []).map((t) => t.id), [tmListData]);
  const tmKeys = useMemo(
    () => tmIds.map((id) => keyOf(taskManagerMetricsQueryOptions(id, { get: TM_METRICS }))),
    [tmIds],
  );
  const tmMetrics = tmKeys.map((k) => answerOf<MetricValues>(cache, k));

  // Busy subtasks (the page only): vertices with several subtasks, read only in turn. Listed when a
  // turn is planned, once a refresh, not on every render (a hundred jobs' vertices).
  const multiVertices = (): { jid: string; vertexId: string; parallelism: number }[] =>
    page
      ? running.flatMap((job, i) =>
          (details[i]?.data?.vertices ?? [])
            .filter((v) => v.parallelism > 1)
            .map((v) => ({ jid: job.jid, vertexId: v.id, parallelism: v.parallelism })),
        )
      : [];
  // Their busiest subtask (`agg=max`) only steers the schedule: read from the cache when a turn is
  // planned, not observed (a hundred jobs have hundreds of such vertices; an observer each would cost
  // every render).
  const busyMaxOf = (v: { jid: string; vertexId: string }): number | null => {
    const options = subtasksMetricsQueryOptions(v.jid, v.vertexId, { get: BUSY, agg: ['max'] });
    const max = client.getQueryData(options.queryKey)?.find((m) => m.id === BUSY[0])?.max;
    return typeof max === 'number' && Number.isFinite(max) ? max : null;
  };
  // Task managers that left the list while open (whoever read the list last).
  const lostList = useSyncExternalStore(taskManagerLosses.subscribe, taskManagerLosses.get, taskManagerLosses.get);

  // One turn per refresh of the job list: its reads are planned once, from what is known then.
  const tick = jobs.dataUpdatedAt;
  const [turn, setTurn] = useState<Turn>(FIRST_TURN);
  if (tick !== turn.tick) {
    const n = turn.n + 1;
    const signatures = running.map(overviewSignature);
    const vertices: ScheduleVertex[] = multiVertices().map((v) => ({ ...v, max: busyMaxOf(v) }));
    const plan = planTurn({
      n,
      mode,
      jobs: running.map((job, i) => {
        const wm = watermarks[i];
        const min = wm?.data?.[0]?.min;
        const read = turn.detailsRead.get(job.jid);
        return {
          jid: job.jid,
          hasDetails: details[i]?.data !== undefined,
          detailsReadOn: read?.n ?? null,
          changed: read !== undefined && read.signature !== signatures[i],
          hasCheckpoints: checkpoints[i]?.data !== undefined,
          checkpointsGone: isNotFound(checkpoints[i]?.error),
          sinkId: sinks[i]?.id ?? null,
          hasWatermark: wm?.data !== undefined,
          // Jobs whose sink has no watermark (no event time: Long.MIN_VALUE) are not asked again.
          noWatermark: wm?.data !== undefined && min !== undefined && min <= 0,
        };
      }),
      taskManagers: tmIds.map((id, i) => ({ id, hasMetrics: tmMetrics[i]?.data !== undefined })),
      vertices,
    });
    // Which refresh read each job's details, and what its job list entry said then (running jobs only).
    const detailsRead = new Map<string, { n: number; signature: string }>();
    running.forEach((job, i) => {
      const before = turn.detailsRead.get(job.jid);
      if (before) detailsRead.set(job.jid, before);
      if (plan.some((r) => r.kind === 'details' && r.jid === job.jid))
        detailsRead.set(job.jid, { n, signature: signatures[i] ?? '' });
    });
    const hot = hotVertices(vertices);
    setTurn({ tick, n, plan, detailsRead, hot });
  }
  useEffect(() => {
    for (const read of turn.plan) void fetchRead(client, read).catch(() => undefined);
  }, [client, turn]);
  const hot = turn.hot;
  const hotKeys = useMemo(
    () => hot.map((v) => keyOf(vertexMetricsQueryOptions(v.jid, v.vertexId, { get: subtaskBusyIds(v.parallelism) }))),
    [hot],
  );
  const busySubtasks = hotKeys.map((k) => answerOf<MetricValues>(cache, k));
  const watched = useMemo(
    () => new Set([detailsKeys, checkpointsKeys, watermarkKeys, tmKeys, hotKeys].flat().map((k) => k.hash)),
    [detailsKeys, checkpointsKeys, watermarkKeys, tmKeys, hotKeys],
  );
  useAnswers(client, watched);

  // Advance the engine when an answer is new (derived during render, as the wall does).
  const observations = running.map((job, i) => ({
    jid: job.jid,
    details: details[i]?.data,
    checkpoints: checkpoints[i]?.data,
  }));
  const sources: unknown[] = [
    ...observations.flatMap((o) => [o.jid, o.details, o.checkpoints]),
    ...watermarks.map((w) => w.data),
    ...tmMetrics.map((t) => t.data),
    ...busySubtasks.map((b) => b.data),
    lostList,
  ];
  const [state, setState] = useState<EngineState>(EMPTY_STATE);
  let current = state;
  if (sources.length !== state.sources.length || sources.some((s, i) => s !== state.sources[i])) {
    const tracker = advanceTracker(state.tracker, observations, TRIAGE_WINDOW_MS);
    const now = Math.max(state.now, ...observations.map((o) => o.details?.now ?? 0));
    const named = running.map((job) => ({ name: job.name, details: tracker.get(job.jid)?.details }));
    const findings = triageFindings({
      now,
      jobs: running.map((job, i) => {
        const sink = sinks[i];
        const min = watermarks[i]?.data?.[0]?.min;
        return {
          jid: job.jid,
          name: job.name,
          track: tracker.get(job.jid),
          sinkWatermark:
            sink && min !== undefined ? { vertexId: sink.id, vertexName: sink.name, watermark: min } : undefined,
          subtaskBusy: hot.flatMap((v, h) => {
            const data = busySubtasks[h]?.data;
            return v.jid === job.jid && data ? [{ vertexId: v.vertexId, subtasks: subtaskBusyOf(data) }] : [];
          }),
        };
      }),
      taskManagers: tmIds.flatMap((id, i) => {
        const data = tmMetrics[i]?.data;
        return data ? [taskManagerReading(id, data)] : [];
      }),
      lostTaskManagers: lostList.map((l) => ({ ...l, restartedJobs: restartedAround(l.at, named) })),
    });
    current = { sources, tracker, findings, now, since: advanceSince(state.since, findings, now) };
    setState(current);
  }

  // Feed the task manager list to the memory of losses, at the JobManager's time.
  const listData = tmList.data;
  const listAt = current.now > 0 ? current.now : tmList.dataUpdatedAt;
  useEffect(() => {
    // The same list again changes nothing (the diff keeps its memory).
    if (listData)
      taskManagerLosses.observe(
        listData.taskmanagers.map((t) => t.id),
        listAt,
      );
  }, [listData, listAt]);

  let oldestDetailsAt: number | null = null;
  let newest = jobs.dataUpdatedAt;
  let detailsRead = 0;
  for (const d of details) {
    if (d.data === undefined) continue;
    detailsRead += 1;
    oldestDetailsAt = oldestDetailsAt === null ? d.dataUpdatedAt : Math.min(oldestDetailsAt, d.dataUpdatedAt);
    newest = Math.max(newest, d.dataUpdatedAt);
  }
  const freshness: TriageFreshness = {
    detailsRead,
    oldestDetailsAt,
    checkpointsRead: checkpoints.filter((c) => c.data !== undefined).length,
    taskManagersRead: tmMetrics.filter((t) => t.data !== undefined).length,
    taskManagers: tmIds.length,
    at: newest,
    interval,
  };
  return {
    jobs,
    findings: current.findings,
    since: current.since,
    now: current.now,
    running: running.length,
    freshness,
  };
}

/** Observed only: read by the turns, never by their own timer. */
const IN_TURN = { enabled: false } as const;

const splitIds = (list: string): string[] => (list === '' ? [] : list.split(','));

/** A query's key and hash (queries use the default key hash). */
interface Key {
  readonly key: QueryKey;
  readonly hash: string;
}

const keyOf = (options: { queryKey: QueryKey }): Key => ({ key: options.queryKey, hash: hashKey(options.queryKey) });

interface Answer<T> {
  readonly data: T | undefined;
  readonly error: Error | null;
  readonly dataUpdatedAt: number;
}

const NO_ANSWER: Answer<never> = { data: undefined, error: null, dataUpdatedAt: 0 };

/** What the cache holds for a query (kept answers, read without an observer). */
function answerOf<T>(cache: ReturnType<QueryClient['getQueryCache']>, key: Key): Answer<T> {
  const state = cache.get(key.hash)?.state;
  if (!state) return NO_ANSWER;
  return { data: state.data as T | undefined, error: state.error, dataUpdatedAt: state.dataUpdatedAt };
}

/** Re-renders when one of these queries gets an answer (or an error, or leaves the cache). */
function useAnswers(client: QueryClient, hashes: ReadonlySet<string>): void {
  const watched = useRef(hashes);
  useEffect(() => {
    watched.current = hashes;
  }, [hashes]);
  const [, setVersion] = useState(0);
  useEffect(() => {
    // A turn's answers arrive within a few milliseconds of each other: one render for those of a frame.
    let pending: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = client.getQueryCache().subscribe((event) => {
      if (pending !== undefined || !watched.current.has(event.query.queryHash)) return;
      const answered =
        event.type === 'removed' ||
        (event.type === 'updated' && (event.action.type === 'success' || event.action.type === 'error'));
      if (answered)
        pending = setTimeout(() => {
          pending = undefined;
          setVersion((v) => v + 1);
        }, ANSWERS_FRAME_MS);
    });
    return () => {
      clearTimeout(pending);
      unsubscribe();
    };
  }, [client]);
}

const ANSWERS_FRAME_MS = 16;

interface Turn {
  readonly tick: number;
  readonly n: number;
  readonly plan: readonly TriageRead[];
  readonly detailsRead: ReadonlyMap<string, { readonly n: number; readonly signature: string }>;
  /** The hottest vertices when the turn was planned: their subtasks are observed. */
  readonly hot: readonly ScheduleVertex[];
}

const FIRST_TURN: Turn = { tick: 0, n: 0, plan: [], detailsRead: new Map(), hot: [] };

/** Refreshes the query a scheduled read is about (its observers see the answer). */
function fetchRead(client: QueryClient, read: TriageRead): Promise<unknown> {
  const fresh = { staleTime: 0, gcTime: KEPT_BETWEEN_TURNS_MS };
  switch (read.kind) {
    case 'details':
      return client.fetchQuery({ ...jobDetailsQueryOptions(read.jid), ...fresh });
    case 'checkpoints':
      return client.fetchQuery({ ...checkpointingStatisticsQueryOptions(read.jid), ...fresh });
    case 'watermark':
      return client.fetchQuery({
        ...lowWatermarkQueryOptions(read.jid, read.vertexId),
        ...fresh,
      });
    case 'tm-metrics':
      return client.fetchQuery({ ...taskManagerMetricsQueryOptions(read.tmId, { get: TM_METRICS }), ...fresh });
    case 'tm-list':
      return client.fetchQuery({ ...taskManagersQueryOptions(), ...fresh });
    case 'busy-max':
      return client.fetchQuery({
        ...subtasksMetricsQueryOptions(read.jid, read.vertexId, { get: BUSY, agg: ['max'] }),
        ...fresh,
      });
    case 'busy-subtasks':
      return client.fetchQuery({
        ...vertexMetricsQueryOptions(read.jid, read.vertexId, { get: subtaskBusyIds(read.parallelism) }),
        ...fresh,
      });
  }
}
