import type { QueryKey, UseQueryOptions } from '@tanstack/react-query';
import { useEffect, useMemo, type ReactNode } from 'react';
import { usePolledQuery } from '../../api/polling';
import {
  jobManagerProfilingFileQueryOptions,
  taskManagerProfilingFileQueryOptions,
  type ProfilerTarget,
} from '../../api/profiler';
import { loadFlameGraph } from '../../charts/flame-graph/FlameGraphChart';
import { flameStats } from '../../charts/flame-graph/flame-data';
import { FlameGraphExplorer } from '../../components/FlameGraphExplorer';
import { QueryState } from '../../components/QueryState';
import { anyKeyOptions } from '../../lib/any-key-options';
import { downloadBlob, type DownloadOptions } from '../../lib/download';
import { formatBytes } from '../../lib/format';
import { parseAsyncProfilerHtml, type AsyncProfilerParse } from './async-profiler-html';

/**
 * Saves a profiler result as a file. The Blob's type is application/octet-stream and the link has
 * a download attribute, so the browser saves it and never opens the HTML (and its script) in the
 * dashboard's origin.
 */
const PROFILE_FILE: DownloadOptions = {
  type: 'application/octet-stream',
  unsafe: /[/\\:]/g,
  fallbackName: 'profile.html',
};

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
    <button type="button" onClick={() => downloadBlob(text, fileName, PROFILE_FILE)}>
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
  const { tree } = parsed;
  const stats = useMemo(() => flameStats(tree), [tree]);
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
      <FlameGraphExplorer
        tree={tree}
        version={tree.value}
        colors="on-cpu"
        label={`${parsed.title ?? 'Profiler'} flame graph`}
        tools={download}
      />
    </>
  );
}
