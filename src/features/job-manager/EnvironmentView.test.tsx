import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Environment } from '../../api/jobmanager';
import { EnvironmentView } from './EnvironmentView';
import environmentFixture from './fixtures/jobmanager-environment.json';

// Recorded from the sandbox: GET /jobmanager/environment.
const environment: Environment = environmentFixture;

describe('the job manager environment', () => {
  it('shows the JVM and a filterable classpath', () => {
    render(<EnvironmentView environment={environment} />);
    expect(screen.getByText(environment.jvm.version)).toBeTruthy();
    const classpath = screen.getByRole('table', { name: 'Classpath' });
    expect(within(classpath).getAllByRole('rowheader')).toHaveLength(environment.classpath.length);
    fireEvent.change(screen.getByRole('searchbox', { name: 'Filter classpath' }), {
      target: { value: 'flink-runtime-web' },
    });
    expect(
      within(classpath)
        .getAllByRole('rowheader')
        .map((c) => c.textContent),
    ).toEqual(environment.classpath.filter((c) => c.includes('flink-runtime-web')));
  });
});
