import { hashKey, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { checkpointConfigQueryOptions, checkpointingStatisticsQueryOptions } from '../../api/checkpoints';
import { clusterOverviewQueryOptions } from '../../api/cluster';
import { requestOnce, type EndpointQueryOptions } from '../../api/endpoint-query';
import { EXCEPTIONS_PAGE, jobExceptionsQueryOptions } from '../../api/exceptions';
import {
  jobAccumulatorsQueryOptions,
  jobConfigQueryOptions,
  jobJobManagerConfigQueryOptions,
  jobJobManagerEnvironmentQueryOptions,
} from '../../api/job-config';
import { jobDetailsQueryOptions, jobPlanQueryOptions, jobsOverviewQueryOptions, type JobDetails } from '../../api/jobs';
import { SNAPSHOT_FORMAT, SNAPSHOT_VERSION, type Snapshot, type SnapshotQuery } from '../../api/snapshot';
import { taskManagersQueryOptions } from '../../api/taskmanagers';
import { vertexDetailsQueryOptions, watermarksQueryOptions } from '../../api/vertices';
import { webConfigQueryOptions, type WebConfig } from '../../api/webConfig';
import { dumpSnapshotParts } from '../../lib/snapshot-parts';

/** Vertices whose details and watermarks a job snapshot fetches when the cache lacks them. */
export const MAX_VERTICES_FETCHED = 100;
/** Requests a job snapshot has in flight at once while it fetches what is missing. */
const CONCURRENCY = 4;

/**
 * Cache entries a snapshot leaves out: log and profiler files (text of any size: the logs are
 * better taken from the cluster's own log store) and the jar list (the jars are not the incident).
 */
function isRecorded(key: QueryKey): boolean {
  if (key[0] !== 'flink') return false;
  if (key.includes('log') || key.includes('profiler-file')) return false;
  return key[1] !== 'jars';
}

/** A job snapshot keeps the cluster-level entries and this job's, no other job's. */
function concernsJob(key: QueryKey, jobId: string | undefined): boolean {
  return jobId === undefined || !(key[1] === 'jobs' && key[2] === 'job' && key[3] !== jobId);
}

type AnyOptions = Pick<EndpointQueryOptions<unknown, QueryKey>, 'queryKey' | 'queryFn'>;

/** What the job's views ask for first, beyond what they were seen asking: fetched when missing. */
function jobRequests(jobId: string, details: JobDetails | undefined): AnyOptions[] {
  const requests: AnyOptions[] = [
    webConfigQueryOptions(),
    clusterOverviewQueryOptions(),
    jobsOverviewQueryOptions(),
    taskManagersQueryOptions(),
    jobPlanQueryOptions(jobId),
    jobExceptionsQueryOptions(jobId, { maxExceptions: EXCEPTIONS_PAGE }),
    checkpointingStatisticsQueryOptions(jobId),
    checkpointConfigQueryOptions(jobId),
    jobConfigQueryOptions(jobId),
    jobAccumulatorsQueryOptions(jobId, { includeSerializedValue: true }),
    jobJobManagerConfigQueryOptions(jobId),
    jobJobManagerEnvironmentQueryOptions(jobId),
  ];
  for (const vertex of (details?.vertices ?? []).slice(0, MAX_VERTICES_FETCHED)) {
    requests.push(vertexDetailsQueryOptions(jobId, vertex.id), watermarksQueryOptions(jobId, vertex.id));
  }
  return requests;
}

/** Runs `work` over `items`, `limit` at a time. */
async function pool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++];
      if (item !== undefined) await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

export interface SnapshotRequest {
  readonly scope: 'job' | 'cluster';
  readonly jobId?: string;
  readonly clusterName: string;
}

/**
 * Everything the dashboard holds for a job (or the whole cluster) as a snapshot: react-query's
 * cache entries, plus, for a job, what its views would ask for first and the cache lacks, each
 * fetched once (bounded: at most MAX_VERTICES_FETCHED vertices), and the in-memory histories.
 */
export async function takeSnapshot(queryClient: QueryClient, request: SnapshotRequest): Promise<Snapshot> {
  const takenAt = Date.now();
  const jobId = request.scope === 'job' ? request.jobId : undefined;
  const recorded = new Map<string, SnapshotQuery>();
  const record = (key: QueryKey, data: unknown, updatedAt: number): void => {
    if (isRecorded(key) && concernsJob(key, jobId)) recorded.set(hashKey(key), { key: [...key], data, updatedAt });
  };
  for (const query of queryClient.getQueryCache().getAll()) {
    if (query.state.data !== undefined) record(query.queryKey, query.state.data, query.state.dataUpdatedAt);
  }

  if (jobId !== undefined) {
    let details = queryClient.getQueryData(jobDetailsQueryOptions(jobId).queryKey);
    if (details === undefined) {
      details = await requestOnce(jobDetailsQueryOptions(jobId)).catch(() => undefined);
      if (details !== undefined) record(jobDetailsQueryOptions(jobId).queryKey, details, Date.now());
    }
    const missing = jobRequests(jobId, details).filter((options) => !recorded.has(hashKey(options.queryKey)));
    await pool(missing, CONCURRENCY, async (options) => {
      try {
        record(options.queryKey, await requestOnce(options), Date.now());
      } catch {
        // Not recorded: the snapshot's view says "not in this snapshot" (a 404 on this line, say).
      }
    });
  }

  const webConfig = queryClient.getQueryData<WebConfig>(webConfigQueryOptions().queryKey);
  const jobDetails =
    jobId === undefined
      ? undefined
      : (recorded.get(hashKey(jobDetailsQueryOptions(jobId).queryKey))?.data as JobDetails | undefined);
  const flinkVersion =
    webConfig?.['flink-version'] ??
    (recorded.get(hashKey(webConfigQueryOptions().queryKey))?.data as WebConfig | undefined)?.['flink-version'];
  return {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    takenAt,
    scope: request.scope,
    cluster: { name: request.clusterName, ...(flinkVersion === undefined ? {} : { flinkVersion }) },
    ...(jobId === undefined ? {} : { job: { id: jobId, name: jobDetails?.name ?? jobId } }),
    queries: [...recorded.values()],
    histories: dumpSnapshotParts(jobId),
  };
}

/** `flink-snapshot-<job or cluster>-<yyyymmdd-hhmmss>.json`, safe as a file name. */
export function snapshotFileName(snapshot: Snapshot): string {
  const d = new Date(snapshot.takenAt);
  const pad = (n: number): string => String(n).padStart(2, '0');
  const stamp = `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;
  const what = snapshot.job ? snapshot.job.name : snapshot.cluster.name;
  const slug = what
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `flink-snapshot-${slug || 'cluster'}-${stamp}.json`;
}
