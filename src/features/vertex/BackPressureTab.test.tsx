import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fixture } from '../../api/test-utils';
import { renderWithApi } from '../../components/testing/render-with-api';
import { BackPressureTab } from './BackPressureTab';
import { backPressureHistory } from './histories';

const JOB = '52b55582369c4b745bdd71ecba17202d';
const VERTEX = '215c924c8a7d97259d4dcf322e423bde';
const base = `/jobs/${JOB}/vertices/${VERTEX}`;

afterEach(() => {
  backPressureHistory.clear();
});

describe('the back pressure tab', () => {
  it('says "sampling…" while Flink has no result yet', async () => {
    renderWithApi(<BackPressureTab jobId={JOB} vertexId={VERTEX} />, {
      [`${base}/backpressure`]: { status: 'deprecated' },
    });
    expect(await screen.findByText(/Sampling… Flink is collecting back-pressure metrics/)).toBeTruthy();
  });

  it('shows the recorded level and ratios, and starts the history', async () => {
    const recorded = fixture('flink-2.3.0/vertex-backpressure').json as {
      backpressureLevel: string;
      subtasks: unknown[];
    };
    renderWithApi(<BackPressureTab jobId={JOB} vertexId={VERTEX} />, { [`${base}/backpressure`]: recorded });
    const table = await screen.findByRole('table', { name: 'Back pressure per subtask' });
    expect(within(table).getAllByRole('row')).toHaveLength(recorded.subtasks.length + 1);
    expect(screen.getByText('Back pressure level').nextElementSibling?.textContent).toBe(recorded.backpressureLevel);
    expect(backPressureHistory.get(`${JOB}/${VERTEX}`)).toHaveLength(1);
  });
});
