import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { JobAccumulatorsSchema, JobConfigSchema, JobExecutionResultSchema } from '../../api/job-config';
import boundedAccumulatorsRecorded from './fixtures/bounded-accumulators.json';
import boundedConfigRecorded from './fixtures/bounded-config.json';
import boundedResultRecorded from './fixtures/bounded-execution-result.json';
import eventTimeResultRecorded from './fixtures/event-time-execution-result.json';
import hostileAccumulatorsRecorded from './fixtures/hostile-accumulators.json';
import {
  accumulatorRows,
  executionConfigRows,
  executionResultView,
  serializedOnlyRows,
  userConfigRows,
  valueText,
} from './config-rows';

const boundedConfig = v.parse(JobConfigSchema, boundedConfigRecorded);
const boundedResult = v.parse(JobExecutionResultSchema, boundedResultRecorded);
const eventTimeResult = v.parse(JobExecutionResultSchema, eventTimeResultRecorded);
const hostileAccumulators = v.parse(JobAccumulatorsSchema, hostileAccumulatorsRecorded);
const boundedAccumulators = v.parse(JobAccumulatorsSchema, boundedAccumulatorsRecorded);

describe('job configuration rows', () => {
  it('label the recorded execution configuration', () => {
    expect(executionConfigRows(boundedConfig)).toEqual([
      { key: 'Restart strategy', value: 'Cluster level default restart strategy' },
      { key: 'Job parallelism', value: '1' },
      { key: 'Object reuse mode', value: 'Disabled' },
    ]);
    expect(userConfigRows(boundedConfig)).toEqual([]);
  });

  it('keep user configuration values as text, null as a dash', () => {
    const config = {
      ...boundedConfig,
      'execution-config': {
        ...boundedConfig['execution-config'],
        'user-config': { '<b>key</b>': '<i>v</i>', empty: null },
      },
    };
    expect(userConfigRows(config)).toEqual([
      { key: '<b>key</b>', value: '<i>v</i>' },
      { key: 'empty', value: '–' },
    ]);
  });
});

describe('the execution result', () => {
  it('of the finished bounded job: its status, runtime and times', () => {
    const view = executionResultView(boundedResult);
    expect(view.state).toBe('done');
    expect(view.applicationStatus).toBe('SUCCEEDED');
    const row = (key: string) => view.rows.find((r) => r.key === key)?.value;
    expect(row('Application status')).toBe('SUCCEEDED');
    expect(row('Net runtime')).toBe('3.7s');
    expect(row('Job name')).toBe('Demo: bounded batch of orders');
    expect(row('Start time')).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect(view.accumulators).toEqual([]);
    expect(view.failure).toBeUndefined();
  });

  it('of a running job: not yet', () => {
    expect(executionResultView(eventTimeResult)).toMatchObject({ state: 'in-progress', rows: [] });
  });
});

describe('accumulators', () => {
  it('keep hostile names and values as plain strings, with their serialized values', () => {
    const rows = accumulatorRows(hostileAccumulators);
    expect(rows.map((r) => r.name)).toEqual([
      "<svg onload=alert('xss-svg')>",
      '<a href="javascript:alert(1)">click</a>',
    ]);
    expect(rows[0]?.type).toBe('IntCounter');
    expect(rows[0]?.value).toMatch(/^\d+$/);
    expect(rows[0]?.serialized).toMatch(/^rO0AB/);
    expect(serializedOnlyRows(hostileAccumulators)).toEqual([]);
    expect(accumulatorRows(boundedAccumulators)).toEqual([]);
  });

  it('show any JSON value as one line of text', () => {
    expect(valueText('x')).toBe('x');
    expect(valueText(3)).toBe('3');
    expect(valueText(null)).toBe('–');
    expect(valueText({ a: [1, '<b>'] })).toBe('{"a":[1,"<b>"]}');
  });
});
