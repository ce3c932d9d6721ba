import { fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { ConfigEntry } from '../../api/jobmanager';
import type { SortState } from '../../lib/search-state';
import { ConfigurationTable, DEFAULT_CONFIG_SORT } from './ConfigurationTable';
import configFixture from './fixtures/jobmanager-config.json';

// Recorded from the sandbox: GET /jobmanager/config.
const config: ConfigEntry[] = configFixture;

function Config() {
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<SortState>(DEFAULT_CONFIG_SORT);
  return (
    <ConfigurationTable
      entries={config}
      filter={filter}
      onFilterChange={setFilter}
      sort={sort}
      onSortChange={setSort}
    />
  );
}

describe('the job manager configuration table', () => {
  it('lists the configuration sorted by key, filterable', () => {
    render(<Config />);
    const table = screen.getByRole('table', { name: 'Configuration' });
    const keys = within(table)
      .getAllByRole('rowheader')
      .map((c) => c.textContent);
    expect(keys).toHaveLength(config.length);
    expect(keys).toEqual([...keys].sort(new Intl.Collator('en', { numeric: true, sensitivity: 'base' }).compare));
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'flamegraph' } });
    const row = within(table).getByRole('row', { name: /rest\.flamegraph\.enabled/ });
    expect(within(row).getByText('true')).toBeTruthy();
  });
});
