import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApi } from '../../components/testing/render-with-api';
import { AccumulatorsTab } from './AccumulatorsTab';

const JOB = '52b55582369c4b745bdd71ecba17202d';
const VERTEX = '215c924c8a7d97259d4dcf322e423bde';
const base = `/jobs/${JOB}/vertices/${VERTEX}`;

describe('the accumulators tab', () => {
  it('renders hostile names as text', async () => {
    const hostile = { name: "<svg onload=alert('xss-svg')>", type: 'IntCounter', value: '1231' };
    renderWithApi(<AccumulatorsTab jobId={JOB} vertexId={VERTEX} />, {
      [`${base}/accumulators`]: { id: VERTEX, 'user-accumulators': [hostile] },
      [`${base}/subtasks/accumulators`]: {
        id: VERTEX,
        parallelism: 1,
        subtasks: [{ subtask: 0, attempt: 0, endpoint: 'localhost:45647', 'user-accumulators': [hostile] }],
      },
    });
    expect(await screen.findByRole('rowheader', { name: hostile.name })).toBeTruthy();
    expect(await screen.findByRole('cell', { name: hostile.name })).toBeTruthy();
    expect(document.querySelector('svg[onload]')).toBeNull();
  });
});
