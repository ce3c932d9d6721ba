import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { isAlive } from '../sandbox/sandbox.mjs';
import { demoJobs } from '../sandbox/demo-jobs.mjs';
import { demoJobId, flinkJson, sandboxState } from '../support/flink';

// The sandbox is what every other test stands on: prove it is a real cluster in the states the
// demo jobs promise. These tests read Flink's REST API directly, not through the app's client.

interface JobsOverview {
  jobs: { jid: string; name: string; state: string }[];
}
interface Vertex {
  id: string;
  name: string;
  status: string;
}
interface JobDetails {
  state: string;
  vertices: Vertex[];
}
interface CheckpointStats {
  counts: { completed: number; failed: number };
  history: { status: string }[];
}

const POLL = { timeout: 120_000, intervals: [2_000] };

test.describe('the Flink sandbox', () => {
  test('runs a JobManager and two TaskManagers as three JVMs', async () => {
    const state = sandboxState();
    expect(state.processes.map((p) => p.role).sort()).toEqual(['jobmanager', 'taskmanager-1', 'taskmanager-2']);
    for (const p of state.processes) {
      expect(isAlive(p.pid), `${p.role} pid ${p.pid} is alive`).toBe(true);
      const cmd = execFileSync('ps', ['-o', 'args=', '-p', String(p.pid)], { encoding: 'utf8' });
      expect(cmd).toMatch(/java/);
      expect(cmd).toContain(p.role === 'jobmanager' ? 'StandaloneSessionClusterEntrypoint' : 'TaskManagerRunner');
    }
    const tms = await flinkJson<{ taskmanagers: { id: string }[] }>('/taskmanagers');
    expect(new Set(tms.taskmanagers.map((t) => t.id)).size).toBe(2);
  });

  test('has every demo job, in running, finished and canceled states', async () => {
    const { jobs } = await flinkJson<JobsOverview>('/jobs/overview');
    for (const demo of demoJobs) {
      const job = jobs.find((j) => j.jid === demoJobId(demo.key));
      expect(job?.name, `job for ${demo.key}`).toBe(demo.name);
      if (demo.settlesLater) {
        // Not waited for by the sandbox: still running, or already in its final state.
        expect(['CREATED', 'INITIALIZING', 'RUNNING', demo.settlesAs], `${demo.name} state`).toContain(job?.state);
      } else if (demo.settlesAs === 'RUNNING') {
        expect(['RUNNING', 'RESTARTING'], `${demo.name} state`).toContain(job?.state);
      } else {
        expect(job?.state, `${demo.name} state`).toBe(demo.settlesAs);
      }
    }
  });

  test('the wide job has at least 40 vertices', async () => {
    const job = await flinkJson<JobDetails>(`/jobs/${demoJobId('wide')}`);
    expect(job.vertices.length).toBeGreaterThanOrEqual(40);
  });

  test('checkpoints complete on the event-time job and fail on the failing-checkpoints job', async () => {
    await expect
      .poll(
        async () => (await flinkJson<CheckpointStats>(`/jobs/${demoJobId('eventTime')}/checkpoints`)).counts.completed,
        POLL,
      )
      .toBeGreaterThanOrEqual(3);
    await expect
      .poll(
        async () =>
          (await flinkJson<CheckpointStats>(`/jobs/${demoJobId('failingCheckpoints')}/checkpoints`)).counts.failed,
        POLL,
      )
      .toBeGreaterThanOrEqual(1);
    const failing = await flinkJson<CheckpointStats>(`/jobs/${demoJobId('failingCheckpoints')}/checkpoints`);
    expect(failing.counts.completed).toBeGreaterThanOrEqual(1);
    const job = await flinkJson<JobDetails>(`/jobs/${demoJobId('failingCheckpoints')}`);
    expect(job.state).toBe('RUNNING');
  });

  test('the backpressured job is backpressured upstream of its slow operator', async () => {
    const job = await flinkJson<JobDetails>(`/jobs/${demoJobId('backpressure')}`);
    const source = job.vertices[0];
    if (!source) throw new Error('backpressured job has no vertices');
    await expect
      .poll(async () => {
        const metrics = await flinkJson<{ id: string; max: number }[]>(
          `/jobs/${demoJobId('backpressure')}/vertices/${source.id}/subtasks/metrics?get=backPressuredTimeMsPerSecond`,
        );
        return metrics[0]?.max ?? 0;
      }, POLL)
      .toBeGreaterThan(500);
  });

  test('the flaky job fails and restarts, filling its exception history', async () => {
    await expect
      .poll(
        async () => {
          const ex = await flinkJson<{
            exceptionHistory: { entries: { exceptionName: string; stacktrace: string }[] };
          }>(`/jobs/${demoJobId('flaky')}/exceptions`);
          return ex.exceptionHistory.entries.map((e) => e.stacktrace).join('\n');
        },
        { timeout: 150_000, intervals: [3_000] },
      )
      .toContain('Simulated failure');
  });

  test('returns flame graph samples for a running vertex', async () => {
    const job = await flinkJson<JobDetails>(`/jobs/${demoJobId('backpressure')}`);
    const slow = job.vertices[1];
    if (!slow) throw new Error('backpressured job has no second vertex');
    await expect
      .poll(async () => {
        const graph = await flinkJson<{ data?: { children?: unknown[] } }>(
          `/jobs/${demoJobId('backpressure')}/vertices/${slow.id}/flamegraph?type=FULL`,
        );
        return graph.data?.children?.length ?? 0;
      }, POLL)
      .toBeGreaterThan(0);
  });

  test('serves real log and stdout files for the JobManager and each TaskManager', async () => {
    const logs = await flinkJson<{ logs: { name: string; size: number }[] }>('/jobmanager/logs');
    expect(logs.logs.map((l) => l.name)).toEqual(expect.arrayContaining(['jobmanager.log', 'jobmanager.out']));
    const res = await fetch(`${sandboxState().url}/jobmanager/log`);
    expect(await res.text()).toContain('StandaloneSessionClusterEntrypoint');
    const tms = await flinkJson<{ taskmanagers: { id: string }[] }>('/taskmanagers');
    for (const tm of tms.taskmanagers) {
      const tmLogs = await flinkJson<{ logs: { name: string }[] }>(`/taskmanagers/${encodeURIComponent(tm.id)}/logs`);
      expect(tmLogs.logs.some((l) => l.name.endsWith('.log'))).toBe(true);
    }
  });

  test('binds the REST API to the loopback interface only', async () => {
    const config = await flinkJson<{ key: string; value: string }[]>('/jobmanager/config');
    const get = (key: string): string | undefined => config.find((c) => c.key === key)?.value;
    expect(get('rest.bind-address')).toBe('127.0.0.1');
    expect(get('rest.flamegraph.enabled')).toBe('true');
  });
});
