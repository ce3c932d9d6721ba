import { afterEach, describe, expect, it } from 'vitest';
import { buildUrl } from './client';
import { endpoints } from './endpoints';
import { FlinkApiError } from './errors';
import { subtaskRanges } from './query';
import { configureApi, resetApiSettings, type ApiSettings } from './settings';

const JOB = '52b55582369c4b745bdd71ecba17202d';
const VERTEX = '0dcd6b6344e082cccdb531821571f082';
const node: ApiSettings = { baseUrl: 'http://127.0.0.1:8081/', versionPrefix: '', readOnly: false, timeoutMs: 1000 };

afterEach(() => {
  resetApiSettings();
  window.history.replaceState(null, '', '/');
});

describe('buildUrl', () => {
  it('fills the template with encoded, validated parameters', () => {
    expect(buildUrl(endpoints.vertexDetails, { params: { jobid: JOB, vertexid: VERTEX } }, node)).toBe(
      `http://127.0.0.1:8081/jobs/${JOB}/vertices/${VERTEX}`,
    );
    expect(
      buildUrl(
        endpoints.subtaskAttemptAccumulators,
        { params: { jobid: JOB, vertexid: VERTEX, subtaskindex: 3, attempt: 0 } },
        node,
      ),
    ).toBe(`http://127.0.0.1:8081/jobs/${JOB}/vertices/${VERTEX}/subtasks/3/attempts/0/accumulators`);
    expect(buildUrl(endpoints.checkpointDetails, { params: { jobid: JOB, checkpointid: 41 } }, node)).toBe(
      `http://127.0.0.1:8081/jobs/${JOB}/checkpoints/details/41`,
    );
  });

  it('percent-encodes TaskManager ids and file names', () => {
    expect(
      buildUrl(
        endpoints.taskManagerLogFile,
        { params: { taskmanagerid: '127.0.0.1:46163-37b6ad', logname: 'taskmanager 1.log' } },
        node,
      ),
    ).toBe('http://127.0.0.1:8081/taskmanagers/127.0.0.1%3A46163-37b6ad/logs/taskmanager%201.log');
    expect(
      buildUrl(endpoints.deleteJar, { params: { jarid: 'c423c713-fc12-4957-9c01-09a826f9dd6b_my job#1.jar' } }, node),
    ).toBe('http://127.0.0.1:8081/jars/c423c713-fc12-4957-9c01-09a826f9dd6b_my%20job%231.jar');
  });

  it('adds typed query parameters', () => {
    expect(
      buildUrl(
        endpoints.subtasksMetrics,
        {
          params: { jobid: JOB, vertexid: VERTEX },
          query: { get: ['numRecordsIn'], agg: ['max', 'skew'], subtasks: subtaskRanges(1, 3, [5, 9]) },
        },
        node,
      ),
    ).toBe(
      `http://127.0.0.1:8081/jobs/${JOB}/vertices/${VERTEX}/subtasks/metrics?get=numRecordsIn&agg=max,skew&subtasks=1,3,5-9`,
    );
    expect(
      buildUrl(
        endpoints.vertexFlameGraph,
        { params: { jobid: JOB, vertexid: VERTEX }, query: { type: 'OFF_CPU', subtaskindex: 2 } },
        node,
      ),
    ).toBe(`http://127.0.0.1:8081/jobs/${JOB}/vertices/${VERTEX}/flamegraph?type=OFF_CPU&subtaskindex=2`);
    expect(buildUrl(endpoints.cancelJob, { params: { jobid: JOB }, query: { mode: 'cancel' } }, node)).toBe(
      `http://127.0.0.1:8081/jobs/${JOB}?mode=cancel`,
    );
    expect(
      buildUrl(
        endpoints.runJar,
        {
          params: { jarid: 'x_demo.jar' },
          query: {
            'entry-class': 'a.B',
            parallelism: 2,
            programArg: ['--rate', '5'],
            savepointPath: 'file:/sp/x',
            allowNonRestoredState: true,
          },
        },
        node,
      ),
    ).toBe(
      'http://127.0.0.1:8081/jars/x_demo.jar/run?entry-class=a.B&parallelism=2&programArg=--rate,5&savepointPath=file%3A%2Fsp%2Fx&allowNonRestoredState=true',
    );
  });

  it('puts the version prefix before the path', () => {
    expect(buildUrl(endpoints.jobsOverview, {}, { ...node, versionPrefix: 'v1' })).toBe(
      'http://127.0.0.1:8081/v1/jobs/overview',
    );
  });

  it('keeps a base URL path (a proxy prefix) and adds the missing slash', () => {
    expect(buildUrl(endpoints.jobsOverview, {}, { ...node, baseUrl: 'https://example.org/flink/prod' })).toBe(
      'https://example.org/flink/prod/jobs/overview',
    );
  });

  it('resolves the default base relative to the page, at any sub-path', () => {
    window.history.replaceState(null, '', '/tools/flink-dashboard/#/jobs/abc');
    expect(buildUrl(endpoints.jobsOverview, {})).toBe(
      `${window.location.origin}/tools/flink-dashboard/api/jobs/overview`,
    );
    configureApi({ versionPrefix: 'v1' });
    expect(buildUrl(endpoints.webConfig, {})).toBe(`${window.location.origin}/tools/flink-dashboard/api/v1/config`);
  });

  it('refuses unchecked input: ids that are not what Flink expects never reach a URL', () => {
    const bad: (() => string)[] = [
      () => buildUrl(endpoints.jobDetails, { params: { jobid: '../../config' } }, node),
      () => buildUrl(endpoints.jobDetails, { params: { jobid: `${JOB}0` } }, node),
      () => buildUrl(endpoints.vertexDetails, { params: { jobid: JOB, vertexid: 'x' } }, node),
      () => buildUrl(endpoints.taskManagerDetails, { params: { taskmanagerid: 'tm/../../jobs' } }, node),
      () => buildUrl(endpoints.jobManagerLogFile, { params: { logname: '..' } }, node),
      () => buildUrl(endpoints.jobManagerLogFile, { params: { logname: 'a/b.log' } }, node),
      () => buildUrl(endpoints.subtaskDetails, { params: { jobid: JOB, vertexid: VERTEX, subtaskindex: -1 } }, node),
      () => buildUrl(endpoints.checkpointDetails, { params: { jobid: JOB, checkpointid: 1.5 } }, node),
    ];
    for (const build of bad) {
      expect(build).toThrow(FlinkApiError);
      try {
        build();
      } catch (error) {
        expect((error as FlinkApiError).kind).toBe('invalid-request');
      }
    }
  });

  it('refuses parameters the template does not have', () => {
    const params = { jobid: JOB, extra: 'x' } as unknown as { jobid: string };
    expect(() => buildUrl(endpoints.jobDetails, { params }, node)).toThrow(/no parameter :extra/);
  });
});
