import type { ReactNode } from 'react';
import type { JobDetails } from '../../api/jobs';
import { usePolledQuery } from '../../api/polling';
import {
  jobRescaleDetailsQueryOptions,
  jobRescalesConfigQueryOptions,
  jobRescalesHistoryQueryOptions,
  jobRescalesOverviewQueryOptions,
  jobRescalesSummaryQueryOptions,
  type DurationStats,
  type Rescale,
  type RescalesConfig,
  type RescaleVertex,
} from '../../api/rescales';
import { finiteNumber } from '../../api/schemas';
import { column, DataTable } from '../../components/DataTable';
import { QueryState } from '../../components/QueryState';
import { Stat, StatGrid } from '../../components/StatGrid';
import { formatDuration, formatTimestamp } from '../../lib/format';
import { stringParam, useSearchState } from '../../lib/search-state';
import { humanize, parallelismChange, rescaleDuration, rescaleStatus, rescaleVertices } from './model';

const rescaleParam = stringParam();

/**
 * The Rescales tab (Flink 2.3+, adaptive scheduler): counts, history (trigger, status, duration),
 * one rescale's details with each vertex's parallelism before and after (the latest unless one is
 * picked, `?rescale=<uuid>`), the duration summary and the scheduler's rescale settings. The tab
 * is listed only for jobs whose details say `schedulerType: "Adaptive"`; reached by a link for
 * another job it says why there is nothing, without asking Flink.
 */
export function RescalesTab({ jobId, details }: { jobId: string; details: JobDetails }): ReactNode {
  if (details.schedulerType !== 'Adaptive') {
    return (
      <p className="empty">
        Rescales are recorded for jobs on the adaptive scheduler (Flink 2.3 and later, jobmanager.scheduler: adaptive);
        this job runs on {details.schedulerType ? `the ${details.schedulerType} scheduler` : 'another scheduler'}.
      </p>
    );
  }
  return <AdaptiveRescales jobId={jobId} />;
}

function AdaptiveRescales({ jobId }: { jobId: string }): ReactNode {
  const config = usePolledQuery(jobRescalesConfigQueryOptions(jobId));
  const keepsHistory = (config.data?.rescaleHistoryMax ?? 0) > 0;
  return (
    <div className="rescales-tab">
      {config.data && !keepsHistory && (
        <p className="empty">
          Flink keeps no rescale history for this job: set web.adaptive-scheduler.rescale-history.size above 0.
        </p>
      )}
      {keepsHistory && <RescaleRecords jobId={jobId} />}
      <section aria-labelledby="rescales-config">
        <h2 id="rescales-config">Configuration</h2>
        <QueryState query={config} what="the rescale configuration">
          {(data) => <ConfigTable config={data} />}
        </QueryState>
      </section>
    </div>
  );
}

function RescaleRecords({ jobId }: { jobId: string }): ReactNode {
  const overview = usePolledQuery(jobRescalesOverviewQueryOptions(jobId));
  const history = usePolledQuery(jobRescalesHistoryQueryOptions(jobId));
  const summary = usePolledQuery(jobRescalesSummaryQueryOptions(jobId));
  const [picked, setPicked] = useSearchState('rescale', rescaleParam);
  const shown = picked !== '' ? picked : history.data?.[0]?.rescaleUuid;

  const historyColumns = [
    column('start', {
      header: 'Started',
      value: (r: Rescale) => r.startTimestampInMillis ?? 0,
      format: (t) => formatTimestamp(t),
      rowHeader: true,
    }),
    column('trigger', { header: 'Trigger', value: (r: Rescale) => humanize(r.triggerCause), search: true }),
    column('status', { header: 'Status', value: (r: Rescale) => humanize(rescaleStatus(r)), search: true }),
    column('reason', { header: 'Reason', value: (r: Rescale) => humanize(r.terminatedReason), search: true }),
    column('duration', {
      header: 'Duration',
      value: (r: Rescale) => rescaleDuration(r) ?? -1,
      format: (ms) => (ms < 0 ? '—' : formatDuration(ms)),
    }),
    column('details', {
      header: 'Details',
      value: (r: Rescale) => r.rescaleUuid,
      sort: false,
      format: (id) => (
        <button type="button" aria-pressed={id === shown} onClick={() => setPicked(id)}>
          {id === shown ? 'Shown below' : 'Show'}
        </button>
      ),
    }),
  ];

  return (
    <>
      <section aria-labelledby="rescales-counts">
        <h2 id="rescales-counts">Rescale counts</h2>
        <QueryState query={overview} what="the rescale counts">
          {(data) => (
            <StatGrid label="Rescale counts">
              <Stat term="Completed">{data.rescalesCounts.completed}</Stat>
              <Stat term="In progress">{data.rescalesCounts.inProgress}</Stat>
              <Stat term="Failed" tone={data.rescalesCounts.failed > 0 ? 'bad' : undefined}>
                {data.rescalesCounts.failed}
              </Stat>
              <Stat term="Ignored">{data.rescalesCounts.ignored}</Stat>
            </StatGrid>
          )}
        </QueryState>
      </section>
      <section aria-labelledby="rescales-history">
        <h2 id="rescales-history">History</h2>
        <QueryState query={history} what="the rescale history">
          {(rows) => (
            <DataTable
              caption="Rescale history"
              captionHidden
              columns={historyColumns}
              rows={rows}
              rowKey={(r) => r.rescaleUuid}
              empty={<p className="empty">No rescales yet.</p>}
            />
          )}
        </QueryState>
      </section>
      {shown !== undefined && <RescaleDetails jobId={jobId} rescaleId={shown} />}
      <section aria-labelledby="rescales-summary">
        <h2 id="rescales-summary">Summary</h2>
        <QueryState query={summary} what="the rescale summary">
          {(data) => (
            <DurationTable
              rows={[
                ['All rescales', data.rescalesDurationStatsInMillis],
                ['Completed', data.completedRescalesDurationStatsInMillis],
                ['Failed', data.failedRescalesDurationStatsInMillis],
                ['Ignored', data.ignoredRescalesDurationStatsInMillis],
              ]}
            />
          )}
        </QueryState>
      </section>
    </>
  );
}

const vertexColumns = [
  column('name', { header: 'Vertex', value: (v: RescaleVertex) => v.jobVertexName, rowHeader: true, search: true }),
  column('change', { header: 'Parallelism', value: (v: RescaleVertex) => parallelismChange(v), sort: false }),
  column('desired', { header: 'Desired', value: (v: RescaleVertex) => v.desiredParallelism ?? -1, format: dash }),
  column('sufficient', {
    header: 'Sufficient',
    value: (v: RescaleVertex) => v.sufficientParallelism ?? -1,
    format: dash,
  }),
  column('group', { header: 'Slot sharing group', value: (v: RescaleVertex) => v.slotSharingGroupName ?? '' }),
];

function dash(n: number): string {
  return n < 0 ? '—' : String(n);
}

function RescaleDetails({ jobId, rescaleId }: { jobId: string; rescaleId: string }): ReactNode {
  const details = usePolledQuery(jobRescaleDetailsQueryOptions(jobId, rescaleId));
  return (
    <section aria-labelledby="rescale-details">
      <h2 id="rescale-details">Rescale {rescaleId}</h2>
      <QueryState query={details} what="the rescale's details">
        {(data) => (
          <>
            <StatGrid label="This rescale" dense>
              <Stat term="Trigger">{humanize(data.triggerCause)}</Stat>
              <Stat term="Status">{humanize(rescaleStatus(data))}</Stat>
              <Stat term="Reason">{humanize(data.terminatedReason)}</Stat>
              <Stat term="Duration">{formatDuration(rescaleDuration(data))}</Stat>
            </StatGrid>
            <DataTable
              caption="Parallelism per vertex"
              columns={vertexColumns}
              rows={rescaleVertices(data)}
              rowKey={(v) => v.jobVertexId}
              empty={<p className="empty">Flink recorded no vertices for this rescale.</p>}
            />
            {(data.schedulerStates ?? []).length > 0 && (
              <ol className="rescale-states" aria-label="Scheduler states during the rescale">
                {(data.schedulerStates ?? []).map((s, i) => (
                  <li key={`${s.state}-${i}`}>
                    {s.state} ({formatDuration(s.durationInMillis)})
                    {s.stringifiedException ? `: ${s.stringifiedException.split('\n')[0] ?? ''}` : ''}
                  </li>
                ))}
              </ol>
            )}
          </>
        )}
      </QueryState>
    </section>
  );
}

type DurationRow = readonly [string, DurationStats | null | undefined];

const ms = (n: unknown): string => {
  const value = finiteNumber(n);
  return value === null ? '—' : formatDuration(value);
};

const durationColumns = [
  column('kind', { header: 'Rescales', value: (r: DurationRow) => r[0], rowHeader: true, sort: false }),
  column('min', { header: 'Min', value: (r: DurationRow) => ms(r[1]?.min), sort: false }),
  column('avg', { header: 'Average', value: (r: DurationRow) => ms(r[1]?.avg), sort: false }),
  column('p50', { header: 'Median', value: (r: DurationRow) => ms(r[1]?.p50), sort: false }),
  column('p90', { header: '90th percentile', value: (r: DurationRow) => ms(r[1]?.p90), sort: false }),
  column('max', { header: 'Max', value: (r: DurationRow) => ms(r[1]?.max), sort: false }),
];

function DurationTable({ rows }: { rows: readonly DurationRow[] }): ReactNode {
  return <DataTable caption="Rescale durations" columns={durationColumns} rows={rows} rowKey={(r) => r[0]} />;
}

type ConfigRow = readonly [string, string];

const configColumns = [
  column('setting', { header: 'Setting', value: (r: ConfigRow) => r[0], rowHeader: true, sort: false }),
  column('value', { header: 'Value', value: (r: ConfigRow) => r[1], sort: false }),
];

function ConfigTable({ config }: { config: RescalesConfig }): ReactNode {
  const duration = (n: number | null | undefined): string => (n == null ? '—' : formatDuration(n));
  const rows: ConfigRow[] = [
    ['Rescales kept in the history', String(config.rescaleHistoryMax)],
    ['Scheduler execution mode', config.schedulerExecutionMode ?? 'default'],
    ['Wait for resources at submission', duration(config.submissionResourceWaitTimeoutInMillis)],
    ['Resource stabilization at submission', duration(config.submissionResourceStabilizationTimeoutInMillis)],
    ['Slot idle timeout', duration(config.slotIdleTimeoutInMillis)],
    ['Cool-down after rescaling', duration(config.executingCooldownTimeoutInMillis)],
    ['Resource stabilization while running', duration(config.executingResourceStabilizationTimeoutInMillis)],
    ['Maximum delay before a rescale', duration(config.maximumDelayForTriggeringRescaleInMillis)],
    [
      'Rescale after failed checkpoints',
      config.rescaleOnFailedCheckpointCount == null ? '—' : String(config.rescaleOnFailedCheckpointCount),
    ],
  ];
  return (
    <DataTable caption="Rescale configuration" captionHidden columns={configColumns} rows={rows} rowKey={(r) => r[0]} />
  );
}
