import type { ReactNode } from 'react';
import type { ConfigEntry } from '../../api/jobmanager';
import { DataTable, type Column } from '../../components/DataTable';
import type { SortState } from '../../lib/search-state';
import './job-manager.css';

export const CONFIG_SORT_COLUMNS = ['key', 'value'] as const;
export const DEFAULT_CONFIG_SORT: SortState = { column: 'key', direction: 'asc' };

const columns: Column<ConfigEntry>[] = [
  { id: 'key', header: 'Key', rowHeader: true, sortValue: (e) => e.key, filterText: (e) => e.key, className: 'mono config-key', cell: (e) => e.key },
  { id: 'value', header: 'Value', sortValue: (e) => e.value, filterText: (e) => e.value, className: 'mono wrap-anywhere', cell: (e) => e.value },
];

interface ConfigurationTableProps {
  entries: readonly ConfigEntry[];
  filter: string;
  onFilterChange: (filter: string) => void;
  sort: SortState;
  onSortChange: (sort: SortState) => void;
}

/** The job manager's effective configuration, as key / value pairs (values are untrusted text). */
export function ConfigurationTable({ entries, filter, onFilterChange, sort, onSortChange }: ConfigurationTableProps): ReactNode {
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
