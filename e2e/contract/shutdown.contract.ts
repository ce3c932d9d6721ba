// The last contract test, run only when the runner owns the sandbox: DELETE /cluster through
// the client, then the JobManager stops answering. run.mjs then checks that every process of
// the sandbox exited and cleans its state.
import { describe, expect, it } from 'vitest';
import { clusterOverviewQueryOptions, shutdownCluster } from '../../src/api/cluster';
import { requestOnce } from '../../src/api/endpoint-query';
import { FlinkApiError } from '../../src/api/errors';
import { configureApi } from '../../src/api/settings';
import { eventually } from './support';

describe('cluster shutdown', () => {
  it('DELETE /cluster shuts the cluster down', async () => {
    await expect(shutdownCluster()).resolves.toBeUndefined();
    configureApi({ timeoutMs: 5000 });
    const stopped = await eventually(
      'the JobManager to stop answering',
      () =>
        requestOnce(clusterOverviewQueryOptions()).then(
          () => false,
          (error: unknown) => error instanceof FlinkApiError && (error.kind === 'network' || error.kind === 'timeout'),
        ),
      (done) => done,
      { timeoutMs: 60_000, intervalMs: 1000 },
    );
    expect(stopped).toBe(true);
  });
});
