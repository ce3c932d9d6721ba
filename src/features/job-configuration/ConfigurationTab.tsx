import { useMemo, type ReactNode } from 'react';
import {
  jobAccumulatorsQueryOptions,
  jobConfigQueryOptions,
  jobExecutionResultQueryOptions,
  jobJobManagerConfigQueryOptions,
  jobJobManagerEnvironmentQueryOptions,
} from '../../api/job-config';
import { usePolledQuery } from '../../api/polling';
import { column, DataTable, type Column } from '../../components/DataTable';
import { QueryState } from '../../components/QueryState';
import {
  accumulatorRows,
  executionConfigRows,
  executionResultView,
  serializedOnlyRows,
  userConfigRows,
  valueText,
  type AccumulatorRow,
  type KeyValueRow,
} from './config-rows';
import './job-configuration.css';

/**
 * The Configuration tab: the job's execution and user configuration, its execution result once
 * it ended, its accumulators, and the JobManager's configuration and environment as the job
 * sees them. Every table sorts and filters; every value is text.
 */
export function ConfigurationTab({ jobId }: { jobId: string }): ReactNode {
  const config = usePolledQuery(jobConfigQueryOptions(jobId));
  const result = usePolledQuery(jobExecutionResultQueryOptions(jobId));
  const accumulators = usePolledQuery(jobAccumulatorsQueryOptions(jobId, { includeSerializedValue: true }));
  const jmConfig = usePolledQuery(jobJobManagerConfigQueryOptions(jobId));
  const environment = usePolledQuery(jobJobManagerEnvironmentQueryOptions(jobId));

  return (
    <div className="configuration-tab">
      <section aria-labelledby="cfg-execution-result">
        <h2 id="cfg-execution-result">Execution result</h2>
        <QueryState query={result} what="the execution result">
          {(data) => {
            const view = executionResultView(data);
            if (view.state === 'in-progress')
              return (
                <p className="empty">The job has not ended yet: its execution result is available once it does.</p>
              );
            return (
              <>
                <KeyValueTable caption="Execution result" keyHeader="Field" rows={view.rows} captionHidden />
                {view.failure !== undefined && (
                  <>
                    <h3>Failure cause</h3>
                    <pre className="config-pre">{view.failure}</pre>
                  </>
                )}
                <h3>Accumulator results</h3>
                {view.accumulators.length === 0 ? (
                  <p className="empty">The job reported no accumulator results.</p>
                ) : (
                  <KeyValueTable
                    caption="Accumulator results"
                    keyHeader="Accumulator"
                    rows={view.accumulators}
                    mono
                    captionHidden
                  />
                )}
              </>
            );
          }}
        </QueryState>
      </section>

      <section aria-labelledby="cfg-job">
        <h2 id="cfg-job">Job configuration</h2>
        <QueryState query={config} what="the job configuration">
          {(data) => {
            const execution = executionConfigRows(data);
            const user = userConfigRows(data);
            return (
              <>
                <h3>Execution configuration</h3>
                {execution.length === 0 ? (
                  <p className="empty">Flink reports no execution configuration for this job.</p>
                ) : (
                  <KeyValueTable caption="Execution configuration" keyHeader="Setting" rows={execution} captionHidden />
                )}
                <h3>User configuration</h3>
                {user.length === 0 ? (
                  <p className="empty">The job sets no global job parameters.</p>
                ) : (
                  <KeyValueTable caption="User configuration" keyHeader="Key" rows={user} mono captionHidden />
                )}
              </>
            );
          }}
        </QueryState>
      </section>

      <section aria-labelledby="cfg-accumulators">
        <h2 id="cfg-accumulators">Accumulators</h2>
        <QueryState query={accumulators} what="the accumulators">
          {(data) => (
            <>
              <AccumulatorTable rows={accumulatorRows(data)} />
              {serializedOnlyRows(data).length > 0 && (
                <KeyValueTable
                  caption="Serialized accumulators without a readable value"
                  keyHeader="Accumulator"
                  rows={serializedOnlyRows(data)}
                  mono
                />
              )}
              {data['job-accumulators'].length > 0 && (
                <KeyValueTable
                  caption="Job accumulators"
                  keyHeader="#"
                  rows={data['job-accumulators'].map((a, i) => ({ key: String(i + 1), value: valueText(a) }))}
                  mono
                />
              )}
            </>
          )}
        </QueryState>
      </section>

      <section aria-labelledby="cfg-jm-config">
        <h2 id="cfg-jm-config">JobManager configuration</h2>
        <QueryState query={jmConfig} what="the JobManager configuration">
          {(data) => (
            <KeyValueTable caption="JobManager configuration" keyHeader="Key" rows={data} mono captionHidden />
          )}
        </QueryState>
      </section>

      <section aria-labelledby="cfg-jm-env">
        <h2 id="cfg-jm-env">JobManager environment</h2>
        <QueryState query={environment} what="the JobManager environment">
          {(data) => (
            <>
              <KeyValueTable
                caption="JVM"
                keyHeader="Property"
                rows={[
                  { key: 'Version', value: data.jvm.version },
                  { key: 'Architecture', value: data.jvm.arch },
                ]}
              />
              <ListTable caption="JVM options" header="Option" items={data.jvm.options} />
              <ListTable caption="Classpath" header="Entry" items={data.classpath} />
            </>
          )}
        </QueryState>
      </section>
    </div>
  );
}

interface KeyValueTableProps {
  caption: string;
  keyHeader: string;
  rows: readonly KeyValueRow[];
  mono?: boolean;
  /** A heading right above already names the table. */
  captionHidden?: boolean;
}

function KeyValueTable({
  caption,
  keyHeader,
  rows,
  mono = false,
  captionHidden = false,
}: KeyValueTableProps): ReactNode {
  const columns = useMemo<Column<KeyValueRow>[]>(
    () => [
      column('key', {
        header: keyHeader,
        rowHeader: true,
        className: `config-key${mono ? ' mono' : ''}`,
        value: (r) => r.key,
        search: true,
      }),
      column('value', {
        header: 'Value',
        className: `config-value${mono ? ' mono' : ''}`,
        value: (r) => r.value,
        search: true,
      }),
    ],
    [keyHeader, mono],
  );
  return (
    <DataTable
      caption={caption}
      captionHidden={captionHidden}
      columns={columns}
      rows={rows}
      rowKey={(r) => r.key}
      filterable
    />
  );
}

const accumulatorColumns: Column<AccumulatorRow>[] = [
  column('name', { header: 'Name', rowHeader: true, className: 'config-key', value: (r) => r.name, search: true }),
  column('type', { header: 'Type', value: (r) => r.type, search: true }),
  column('value', {
    header: 'Value',
    className: 'config-value',
    value: (r) => r.value,
    sort: numericOrText,
    search: true,
  }),
  column('serialized', {
    header: 'Serialized value',
    className: 'config-value mono serialized',
    value: (r) => r.serialized,
    format: (serialized) => serialized ?? '–',
  }),
];

function numericOrText(value: string): number | string {
  const n = Number(value);
  return value.trim() !== '' && Number.isFinite(n) ? n : value;
}

function AccumulatorTable({ rows }: { rows: readonly AccumulatorRow[] }): ReactNode {
  if (rows.length === 0) return <p className="empty">The job has no user accumulators.</p>;
  return (
    <DataTable
      caption="User accumulators"
      columns={accumulatorColumns}
      rows={rows}
      rowKey={(r) => r.name}
      filterable
      defaultSort={{ column: 'name', direction: 'asc' }}
    />
  );
}

function ListTable({
  caption,
  header,
  items,
}: {
  caption: string;
  header: string;
  items: readonly string[];
}): ReactNode {
  const rows = useMemo(() => items.map((value, index) => ({ index, value })), [items]);
  const columns = useMemo<Column<{ index: number; value: string }>[]>(
    () => [
      column('index', { header: '#', className: 'num', value: (r) => r.index, format: (index) => index + 1 }),
      column('value', { header, rowHeader: true, className: 'config-value mono', value: (r) => r.value, search: true }),
    ],
    [header],
  );
  return <DataTable caption={caption} columns={columns} rows={rows} rowKey={(r) => String(r.index)} filterable />;
}
