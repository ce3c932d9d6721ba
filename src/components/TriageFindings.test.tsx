import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../lib/triage/findings';
import { TriageFindings } from './TriageFindings';

const finding: Finding = {
  key: 'backpressure/j1/v1',
  kind: 'back-pressure',
  level: 'bad',
  jobId: 'a'.repeat(32),
  jobName: 'Orders',
  subject: 'Window aggregation',
  value: 0.9,
  valueText: '90% back-pressured',
  detail: 'bottleneck: Sink',
  link: '/jobs/x',
  linkText: 'Back pressure',
};

const view = (now: number) => (
  <MemoryRouter>
    <TriageFindings findings={[finding]} since={new Map([[finding.key, 1_000_000]])} now={now} />
  </MemoryRouter>
);

describe('TriageFindings', () => {
  it('says since when and how long ago, and the duration follows the newest answer', () => {
    const { rerender } = render(view(1_000_000 + 65_000));
    const row = screen.getByRole('row', { name: /Window aggregation/ });
    expect(within(row).getByText(/\(1m 5s\)$/)).toBeTruthy();
    expect(within(row).getByText('90% back-pressured')).toBeTruthy();
    rerender(view(1_000_000 + 125_000));
    expect(within(screen.getByRole('row', { name: /Window aggregation/ })).getByText(/\(2m 5s\)$/)).toBeTruthy();
  });
});
