import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ConfigurationTab } from './ConfigurationTab';
import boundedAccumulators from './fixtures/bounded-accumulators.json';
import boundedConfig from './fixtures/bounded-config.json';
import boundedResult from './fixtures/bounded-execution-result.json';
import jmConfig from './fixtures/bounded-jobmanager-config.json';
import jmEnvironment from './fixtures/bounded-jobmanager-environment.json';
import hostileAccumulators from './fixtures/hostile-accumulators.json';
import hostileConfig from './fixtures/hostile-config.json';
import eventTimeResult from './fixtures/event-time-execution-result.json';
import { renderWithApi } from '../../components/testing/render-with-api';

const BOUNDED = '0e8b4c8ef41a59b250d3286b1cbaf443';
const HOSTILE = 'aae1aa5ced133a8314e35db7e756df46';

function answers(job: string, parts: { config: unknown; result: unknown; accumulators: unknown }) {
  return {
    [`/jobs/${job}/config`]: parts.config,
    [`/jobs/${job}/execution-result`]: parts.result,
    [`/jobs/${job}/accumulators?includeSerializedValue=true`]: parts.accumulators,
    [`/jobs/${job}/jobmanager/config`]: jmConfig,
    [`/jobs/${job}/jobmanager/environment`]: jmEnvironment,
  };
}

describe('the configuration tab', () => {
  it('shows the execution result of a finished job and every configuration table', async () => {
    renderWithApi(
      <ConfigurationTab jobId={BOUNDED} />,
      answers(BOUNDED, { config: boundedConfig, result: boundedResult, accumulators: boundedAccumulators }),
    );
    const result = await screen.findByRole('table', { name: 'Execution result' });
    expect(within(result).getByRole('row', { name: /Application status SUCCEEDED/ })).toBeTruthy();
    expect(await screen.findByRole('table', { name: 'Execution configuration' })).toBeTruthy();
    const jm = await screen.findByRole('table', { name: 'JobManager configuration' });
    expect(within(jm).getAllByRole('row').length).toBe(jmConfig.length + 1);
    expect(await screen.findByRole('table', { name: 'Classpath' })).toBeTruthy();
    expect(screen.getByText('The job has no user accumulators.')).toBeTruthy();
    // Every table can be filtered.
    expect(screen.getAllByRole('searchbox').length).toBe(screen.getAllByRole('table').length);
  });

  it('shows hostile accumulator names and values as literal text', async () => {
    const { container } = renderWithApi(
      <ConfigurationTab jobId={HOSTILE} />,
      answers(HOSTILE, { config: hostileConfig, result: eventTimeResult, accumulators: hostileAccumulators }),
    );
    const table = await screen.findByRole('table', { name: 'User accumulators' });
    expect(within(table).getByRole('rowheader', { name: "<svg onload=alert('xss-svg')>" })).toBeTruthy();
    expect(within(table).getByRole('rowheader', { name: '<a href="javascript:alert(1)">click</a>' })).toBeTruthy();
    expect(container.querySelector('svg, a[href^="javascript"]')).toBeNull();
    expect(screen.getByText(/has not ended yet/)).toBeTruthy();
  });
});
