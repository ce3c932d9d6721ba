import { useMemo, type ReactNode } from 'react';
import { DataTable, type Column } from '../../components/DataTable';
import { formatStat, STAT_COLUMNS, type StatRow } from './summary';

interface StatsTableProps {
  caption: string;
  rows: readonly StatRow[];
}

/** Min/avg/max and percentiles, one row per measure; sortable and filterable like every table. */
export function StatsTable({ caption, rows }: StatsTableProps): ReactNode {
  const columns = useMemo<Column<StatRow>[]>(
    () => [
      { id: 'measure', header: 'Measure', rowHeader: true, cell: (r) => r.label, sortValue: (r) => r.label, filterText: (r) => r.label },
      ...STAT_COLUMNS.map(
        ({ key, header }): Column<StatRow> => ({
          id: key,
          header,
          className: 'num',
          cell: (r) => formatStat(r.values[key], r.kind),
          sortValue: (r) => r.values[key],
        }),
      ),
    ],
    [],
  );
  return <DataTable caption={caption} columns={columns} rows={rows} rowKey={(r) => r.id} filterable empty="No statistics yet." />;
}
