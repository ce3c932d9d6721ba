import { useMemo, type ReactNode } from 'react';
import { column, DataTable, type Column } from '../../components/DataTable';
import { formatStat, STAT_COLUMNS, type StatRow } from './summary';

interface StatsTableProps {
  caption: string;
  rows: readonly StatRow[];
}

/** Min/avg/max and percentiles, one row per measure; sortable and filterable like every table. */
export function StatsTable({ caption, rows }: StatsTableProps): ReactNode {
  const columns = useMemo<Column<StatRow>[]>(
    () => [
      column('measure', { header: 'Measure', rowHeader: true, value: (r) => r.label, search: true }),
      ...STAT_COLUMNS.map(({ key, header }) =>
        column(key, {
          header,
          className: 'num',
          value: (r: StatRow) => r.values[key],
          format: (stat, r) => formatStat(stat, r.kind),
        }),
      ),
    ],
    [],
  );
  return (
    <DataTable
      caption={caption}
      columns={columns}
      rows={rows}
      rowKey={(r) => r.id}
      filterable
      empty="No statistics yet."
    />
  );
}
