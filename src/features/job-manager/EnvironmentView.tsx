import type { ReactNode } from 'react';
import type { Environment } from '../../api/jobmanager';
import { column, DataTable, type Column } from '../../components/DataTable';
import { Stat, StatGrid } from '../../components/StatGrid';
import './job-manager.css';

interface Item {
  readonly index: number;
  readonly text: string;
}

function items(list: readonly string[]): Item[] {
  return list.map((text, index) => ({ index, text }));
}

function listColumns(header: string): Column<Item>[] {
  return [
    column('index', { header: '#', className: 'num-col', value: (i) => i.index, format: (index) => index + 1 }),
    column('text', { header, rowHeader: true, className: 'mono wrap-anywhere', value: (i) => i.text, search: true }),
  ];
}

const optionColumns = listColumns('Option');
const classpathColumns = listColumns('Entry');

/**
 * The job manager's JVM: version, architecture, options and classpath. A classpath can hold
 * hundreds of long entries: one per row, wrapped anywhere, filterable.
 */
export function EnvironmentView({ environment }: { environment: Environment }): ReactNode {
  // Flink sends the classpath as a list; a single `:`-joined entry (other builds) is split too.
  const classpath =
    environment.classpath.length === 1
      ? (environment.classpath[0] ?? '').split(':').filter(Boolean)
      : environment.classpath;
  return (
    <>
      <h2>JVM</h2>
      <StatGrid>
        <Stat term="Version" wide smallValue>
          {environment.jvm.version}
        </Stat>
        <Stat term="Architecture" smallValue>
          {environment.jvm.arch}
        </Stat>
      </StatGrid>
      <h2>JVM options</h2>
      <DataTable
        caption="JVM options"
        columns={optionColumns}
        rows={items(environment.jvm.options)}
        rowKey={(i) => String(i.index)}
        filterable
        captionHidden
        empty="No options."
      />
      <h2>Classpath</h2>
      <DataTable
        caption="Classpath"
        columns={classpathColumns}
        rows={items(classpath)}
        rowKey={(i) => String(i.index)}
        filterable
        captionHidden
        empty="The classpath is empty."
      />
    </>
  );
}
