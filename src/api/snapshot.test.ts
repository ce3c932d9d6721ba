import { afterEach, describe, expect, it } from 'vitest';
import { checkpointingStatisticsQueryOptions } from './checkpoints';
import { requestOnce } from './endpoint-query';
import { FlinkApiError } from './errors';
import { jobDetailsQueryOptions } from './jobs';
import {
  activateSnapshot,
  checkSnapshotSize,
  MAX_SNAPSHOT_BYTES,
  parseSnapshot,
  serializeSnapshot,
  SNAPSHOT_FORMAT,
  SNAPSHOT_VERSION,
  type Snapshot,
} from './snapshot';
import { configureApi } from './settings';
import { fixture, responseFrom, stubFetch } from './test-utils';

const JOB = '52b55582369c4b745bdd71ecba17202d';

async function recordedSnapshot(): Promise<Snapshot> {
  configureApi({ baseUrl: 'http://jm:8081/' });
  stubFetch(() => responseFrom(fixture('flink-2.3.0/job-checkpoints')));
  const options = checkpointingStatisticsQueryOptions(JOB);
  const data = await requestOnce(options);
  return {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    takenAt: 1_700_000_000_000,
    scope: 'job',
    cluster: { name: 'Flink', flinkVersion: '2.3.0' },
    job: { id: JOB, name: 'a job' },
    queries: [{ key: [...options.queryKey], data, updatedAt: 1_699_999_999_000 }],
    histories: {},
  };
}

afterEach(() => activateSnapshot(null));

describe('snapshot files', () => {
  it('writes non-finite doubles as Flink does', async () => {
    const snapshot = await recordedSnapshot();
    const text = serializeSnapshot({ ...snapshot, queries: [{ key: ['flink'], updatedAt: 1, data: { p99: NaN } }] });
    expect(text).toContain('"p99":"NaN"');
  });

  it('round-trips recorded answers', async () => {
    const snapshot = await recordedSnapshot();
    const text = serializeSnapshot(snapshot);
    const parsed = parseSnapshot(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.snapshot.job).toEqual({ id: JOB, name: 'a job' });
    expect(parsed.snapshot.queries[0]?.key).toEqual(snapshot.queries[0]?.key);
  });

  it.each([
    ['{"jobs": []}', 'This file is not a Flink dashboard snapshot.'],
    ['hello', 'This file is not a Flink dashboard snapshot (it is not JSON).'],
    [`{"format": "${SNAPSHOT_FORMAT}", "version": 1, "queries": [`, 'truncated or corrupted'],
    [`{"format": "${SNAPSHOT_FORMAT}", "version": ${SNAPSHOT_VERSION + 1}}`, 'newer than this dashboard reads'],
    [`{"format": "${SNAPSHOT_FORMAT}", "version": 1, "takenAt": 1}`, 'This snapshot is damaged: '],
  ])('refuses %s with a sentence', (text, message) => {
    const parsed = parseSnapshot(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain(message);
  });

  it('refuses files over the size limit before reading them', () => {
    expect(checkSnapshotSize(MAX_SNAPSHOT_BYTES)).toBeUndefined();
    expect(checkSnapshotSize(MAX_SNAPSHOT_BYTES + 1)).toMatch(/too large .* limited to 50\.0 MB/);
  });
});

describe('the snapshot source', () => {
  it('answers recorded queries with the decoded data, refuses the rest, and sends nothing', async () => {
    const snapshot = await recordedSnapshot();
    const live = snapshot.queries[0]?.data;
    const parsed = parseSnapshot(serializeSnapshot(snapshot));
    if (!parsed.ok) throw new Error(parsed.message);
    const fetchMock = stubFetch(() => {
      throw new Error('no request may be sent while a snapshot is shown');
    });
    activateSnapshot(parsed.snapshot);

    const options = checkpointingStatisticsQueryOptions(JOB);
    expect(await requestOnce(options)).toEqual(live);
    expect(options.initialDataUpdatedAt?.()).toBe(1_699_999_999_000);
    const missing = await requestOnce(jobDetailsQueryOptions(JOB)).catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(FlinkApiError);
    expect((missing as FlinkApiError).kind).toBe('not-in-snapshot');
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
