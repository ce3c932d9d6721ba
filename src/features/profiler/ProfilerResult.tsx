import type { QueryKey, UseQueryOptions } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import { usePolledQuery } from '../../api/polling';
import {
  jobManagerProfilingFileQueryOptions,
  taskManagerProfilingFileQueryOptions,
  type ProfilerTarget,
} from '../../api/profiler';
import { FlameGraphChart, loadFlameGraph } from '../../charts/flame-graph/FlameGraphChart';
import { flameStats, searchSamples, sharePercent } from '../../charts/flame-graph/flame-data';
import { QueryState } from '../../components/QueryState';
import { Toolbar, ToolbarField } from '../../components/Toolbar';
import { anyKeyOptions } from '../../lib/any-key-options';
import { formatBytes } from '../../lib/format';
import { parseAsyncProfilerHtml, type AsyncProfilerParse } from './async-profiler-html';
import { downloadFile } from './download';

function fileOptions(target: ProfilerTarget, fileName: string): UseQueryOptions<string, Error, string, QueryKey> {
  return target.kind === 'jobmanager'
    ? anyKeyOptions(jobManagerProfilingFileQueryOptions(fileName))
    : anyKeyOptions(taskManagerProfilingFileQueryOptions(target.taskManagerId, fileName));
}

/**
 * One profiler result. The file is async-profiler's HTML page: it is fetched as text and never
 * rendered, framed or navigated to (its script would run in the dashboard's origin). Its frames
 * are read by a parser and drawn by our own flame graph; when they cannot be read, the file is
 * offered as a download only.
 */
export function ProfilerResult({ target, fileName }: { target: ProfilerTarget; fileName: string }): ReactNode {
  const query = usePolledQuery({ ...fileOptions(target, fileName), staleTime: Infinity }, 'static');
  useEffect(() => {
    loadFlameGraph().catch(() => undefined); // FlameGraphChart reports a failed load
  }, []);
  return (
    <section className="profiler-result" aria-label={`Profiler result ${fileName}`}>
      <h3 className="profiler-result-title">{fileName}</h3>
      <QueryState query={query} what="the profiler result">
        {(text) => <ResultView fileName={fileName} text={text} />}
      </QueryState>
    </section>
  );
}

function ResultView({ fileName, text }: { fileName: string; text: string }): ReactNode {
  const parsed: AsyncProfilerParse = useMemo(() => parseAsyncProfilerHtml(text), [text]);
  const size = new Blob([text]).size;
  const download = (
    <button type="button" onClick={() => downloadFile(fileName, text)}>
      Download the HTML file ({formatBytes(size)})
    </button>
  );
  if (parsed.kind === 'unreadable') {
    return (
      <div className="panel-warning" role="status">
        <p>
          The flame graph in this file could not be read ({parsed.reason}). Download it to open it in a browser outside
          the dashboard: it is async-profiler&apos;s own page, with its own script, and is never opened here.
        </p>
        {download}
      </div>
    );
  }
  return <FlameView parsed={parsed} download={download} />;
}

function FlameView({
  parsed,
  download,
}: {
  parsed: Extract<AsyncProfilerParse, { kind: 'flame' }>;
  download: ReactNode;
}): ReactNode {
  const [search, setSearch] = useState('');
  const [resetToken, setResetToken] = useState(0);
  const searchId = useId();
  const { tree } = parsed;
  const stats = useMemo(() => flameStats(tree), [tree]);
  const found = useMemo(() => (search.trim() ? searchSamples(tree, search) : null), [tree, search]);
  if (tree.value <= 0 || (tree.children ?? []).length === 0) {
    return (
      <div className="empty" role="status">
        <p>The profile holds no samples: nothing ran in the process in this mode during the run.</p>
        {download}
      </div>
    );
  }
  return (
    <>
      <p className="profiler-summary" role="status">
        {parsed.title ?? 'Profile'}: {tree.value.toLocaleString('en')} samples in {stats.frames.toLocaleString('en')}{' '}
        frames, read from async-profiler {parsed.format}&apos;s page. Click a frame to zoom into it.
      </p>
      <Toolbar spaceBelow="10px">
        <ToolbarField htmlFor={searchId}>
          <span>Find frames</span>
          <input
            id={searchId}
            type="search"
            value={search}
            placeholder="e.g. StreamTask"
            onChange={(e) => setSearch(e.target.value)}
          />
        </ToolbarField>
        <button type="button" onClick={() => setResetToken((n) => n + 1)}>
          Reset zoom
        </button>
        {download}
        {found && (
          <span className="profiler-found" aria-live="polite">
            {found.frames === 0
              ? 'No frame matches.'
              : `${found.frames} frame${found.frames === 1 ? '' : 's'} match, ${sharePercent(found.matched, found.total)} of samples.`}
          </span>
        )}
      </Toolbar>
      <FlameGraphChart
        tree={tree}
        version={tree.value}
        colors="on-cpu"
        search={search}
        resetZoomToken={resetToken}
        label={`${parsed.title ?? 'Profiler'} flame graph`}
      />
    </>
  );
}
