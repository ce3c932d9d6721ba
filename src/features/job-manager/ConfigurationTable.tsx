import type { ReactNode } from 'react';
import type { ConfigEntry } from '../../api/jobmanager';
import { column, DataTable, type Column } from '../../components/DataTable';
import type { SortState } from '../../lib/search-state';
import './job-manager.css';

export const CONFIG_SORT_COLUMNS = ['key', 'value'] as const;
export const DEFAULT_CONFIG_SORT: SortState = { column: 'key', direction: 'asc' };

const columns: Column<ConfigEntry>[] = [
  column('key', { header: 'Key', rowHeader: true, className: 'mono config-key', value: (e) => e.key, search: true }),
  column('value', { header: 'Value', className: 'mono wrap-anywhere', value: (e) => e.value, search: true }),
];

interface ConfigurationTableProps {
  entries: readonly ConfigEntry[];
  filter: string;
  onFilterChange: (filter: string) => void;
  sort: SortState;
  onSortChange: (sort: SortState) => void;
}

/** The job manager's effective configuration, as key / value pairs (values are untrusted text). */
export function ConfigurationTable({
  entries,
  filter,
  onFilterChange,
  sort,
  onSortChange,
}: ConfigurationTableProps): ReactNode {
  return (
    <DataTable
      caption="Configuration"
      columns={columns}
      rows={entries}
      rowKey={(e) => e.key}
      filter={filter}
      onFilterChange={onFilterChange}
      sort={sort}
      onSortChange={onSortChange}
      empty="The job manager reported no configuration."
    />
  );
}
