import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { formatDuration, formatTimestamp } from '../lib/format';
import { links } from '../lib/paths';
import { KIND_ORDER, KIND_TITLES, type Finding, type FindingLevel } from '../lib/triage/findings';
import { column, DataTable } from './DataTable';
import styles from './TriageFindings.module.css';

const LEVEL_WORDS: Record<FindingLevel, string> = { bad: 'Critical', warn: 'Warning', info: '' };

interface Props {
  readonly findings: readonly Finding[];
  readonly since: ReadonlyMap<string, number>;
  /** JobManager time of the newest answer. */
  readonly now: number;
  /** Heading level of each kind's title. */
  readonly headingLevel?: 2 | 3;
}

/** The JobManager's time of the newest answer, for the "since" cells' durations. */
const NowContext = createContext(0);

/**
 * A finding's "since" cell: its time and how long ago. The clock moves with every answer; read
 * here, from a context, it re-renders these cells only, not every row of every table.
 */
function SinceCell({ at }: { at: number }): ReactNode {
  const now = useContext(NowContext);
  return `${formatTimestamp(at)} (${formatDuration(Math.max(0, now - at))})`;
}

/** The columns, the same while the same findings are known (`since` is kept while no finding is new). */
function columns(since: ReadonlyMap<string, number>) {
  return [
    column<Finding, string>('subject', {
      header: 'Where',
      value: (f) => f.subject,
      rowHeader: true,
      format: (subject, f) => (
        <>
          {f.level !== 'info' && <span className={styles[f.level]}>{LEVEL_WORDS[f.level]}: </span>}
          {subject}
        </>
      ),
    }),
    column<Finding, string>('job', {
      header: 'Job',
      value: (f) => f.jobName ?? '',
      format: (name, f) => (f.jobId ? <Link to={links.job(f.jobId)}>{name}</Link> : '—'),
    }),
    column<Finding, number>('value', { header: 'Value', value: (f) => f.value, format: (_, f) => f.valueText }),
    column<Finding, number | undefined>('since', {
      header: 'Since',
      value: (f) => since.get(f.key),
      format: (t) => (t === undefined ? '' : <SinceCell at={t} />),
    }),
    column<Finding, string>('detail', { header: 'Detail', value: (f) => f.detail ?? '' }),
    column<Finding, string>('view', {
      header: 'View',
      value: (f) => f.linkText,
      sort: false,
      format: (text, f) => <Link to={f.link}>{text}</Link>,
    }),
  ];
}

/**
 * The triage engine's findings, one ranked table per kind (worst first), each row linking to
 * its exact view. Shared by the triage page and the overview's panel.
 */
export function TriageFindings({ findings, since, now, headingLevel = 2 }: Props): ReactNode {
  // Kept while `since` is: each row (a finding kept by the engine while its job's reads are the
  // same) then re-renders only when it changed.
  const cols = useMemo(() => columns(since), [since]);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <NowContext.Provider value={now}>
      <div className={styles.findings}>
        {KIND_ORDER.map((kind) => {
          const rows = findings.filter((f) => f.kind === kind);
          if (rows.length === 0) return null;
          const id = `triage-${kind}`;
          return (
            <section key={kind} aria-labelledby={id}>
              <Heading id={id}>{KIND_TITLES[kind]}</Heading>
              <DataTable
                caption={KIND_TITLES[kind]}
                captionHidden
                columns={cols}
                rows={rows}
                rowKey={(f) => f.key}
                rowClassName={(f) => (f.level === 'info' ? undefined : styles[`row-${f.level}`])}
              />
            </section>
          );
        })}
      </div>
    </NowContext.Provider>
  );
}
