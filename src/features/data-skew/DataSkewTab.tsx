import { useMemo, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { userMessage } from '../../api/errors';
import type { JobDetails } from '../../api/jobs';
import { column, DataTable, type Column } from '../../components/DataTable';
import { formatSkew, SKEW_DEFINITION } from '../../lib/data-skew';
import { formatCount } from '../../lib/format';
import { isTerminal } from '../../lib/job-states';
import { links } from '../../lib/paths';
import { useVertexSkews } from '../../lib/use-vertex-skews';
import { rowSkew, skewRows, type SkewRow } from './model';
import './data-skew.css';

interface DataSkewTabProps {
  jobId: string;
  /** The job's details, polled by the page: its vertices and their parallelism. */
  details: JobDetails;
}

/**
 * Every vertex of the job with the skew of records received across its subtasks, worst first,
 * as Flink's own "Data Skew" tab defines it. A refresh costs one aggregated metrics request per
 * vertex with more than one subtask (never one per subtask); one-subtask vertices cost nothing.
 */
export function DataSkewTab({ jobId, details }: DataSkewTabProps): ReactNode {
  const { readings, error, failed } = useVertexSkews(jobId, details.vertices, !isTerminal(details.state));
  const rows = skewRows(details.vertices, readings);

  const columns = useMemo<Column<SkewRow>[]>(
    () => [
      column('vertex', {
        header: 'Vertex',
        rowHeader: true,
        value: (r) => r.name,
        format: (name, r) => <Link to={links.vertex(jobId, r.id, 'subtasks')}>{name}</Link>,
        search: true,
      }),
      column('parallelism', { header: 'Subtasks', className: 'num', value: (r) => r.parallelism }),
      column('skew', {
        header: 'Data skew',
        className: 'num',
        value: rowSkew,
        format: (_skew, r) => formatSkew(r.reading),
      }),
      column('min', {
        header: 'Min records received',
        className: 'num',
        value: (r) => r.reading?.min,
        format: formatCount,
      }),
      column('avg', {
        header: 'Average records received',
        className: 'num',
        value: (r) => r.reading?.avg,
        format: formatCount,
      }),
      column('max', {
        header: 'Max records received',
        className: 'num',
        value: (r) => r.reading?.max,
        format: formatCount,
      }),
    ],
    [jobId],
  );

  return (
    <section className="data-skew" aria-labelledby="data-skew-heading">
      <h2 id="data-skew-heading">Data skew</h2>
      <p className="data-skew-help">
        {SKEW_DEFINITION} It counts every record since the subtasks started, per subtask; sources receive no records
        from the network and show 0. Open a vertex for its subtasks.
      </p>
      {failed > 0 && error && (
        <p className="panel-warning" role="status">
          Could not load the skew of {failed} {failed === 1 ? 'vertex' : 'vertices'}: {userMessage(error)}
        </p>
      )}
      <DataTable
        caption="Data skew per vertex"
        captionHidden
        columns={columns}
        rows={rows}
        rowKey={(r) => r.id}
        defaultSort={{ column: 'skew', direction: 'desc' }}
        filterable
        empty="This job has no vertices yet."
      />
    </section>
  );
}
