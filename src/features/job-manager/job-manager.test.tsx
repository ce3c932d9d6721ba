import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConfigEntry, Environment } from '../../api/jobmanager';
import type { SortState } from '../../lib/search-state';
import { ConfigurationTable, DEFAULT_CONFIG_SORT } from './ConfigurationTable';
import { EnvironmentView } from './EnvironmentView';
import configFixture from './fixtures/jobmanager-config.json';
import environmentFixture from './fixtures/jobmanager-environment.json';

// Recorded from the sandbox: GET /jobmanager/config and GET /jobmanager/environment.
const config: ConfigEntry[] = configFixture;
const environment: Environment = environmentFixture;

afterEach(cleanup);

function Config() {
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<SortState>(DEFAULT_CONFIG_SORT);
  return <ConfigurationTable entries={config} filter={filter} onFilterChange={setFilter} sort={sort} onSortChange={setSort} />;
}

describe('the job manager panels', () => {
  it('list the configuration sorted by key, filterable', () => {
    render(<Config />);
    const table = screen.getByRole('table', { name: 'Configuration' });
    const keys = within(table).getAllByRole('rowheader').map((c) => c.textContent);
    expect(keys).toHaveLength(config.length);
    expect(keys).toEqual([...keys].sort(new Intl.Collator('en', { numeric: true, sensitivity: 'base' }).compare));
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'flamegraph' } });
    const row = within(table).getByRole('row', { name: /rest\.flamegraph\.enabled/ });
    expect(within(row).getByText('true')).toBeTruthy();
  });

  it('show the JVM and a filterable classpath', () => {
    render(<EnvironmentView environment={environment} />);
    expect(screen.getByText(environment.jvm.version)).toBeTruthy();
    const classpath = screen.getByRole('table', { name: 'Classpath' });
    expect(within(classpath).getAllByRole('rowheader')).toHaveLength(environment.classpath.length);
    fireEvent.change(screen.getByRole('searchbox', { name: 'Filter classpath' }), { target: { value: 'flink-runtime-web' } });
    expect(within(classpath).getAllByRole('rowheader').map((c) => c.textContent)).toEqual(
      environment.classpath.filter((c) => c.includes('flink-runtime-web')),
    );
  });
});
