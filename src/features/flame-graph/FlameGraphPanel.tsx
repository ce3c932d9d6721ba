import { useEffect, useId, type ReactNode } from 'react';
import { useSampledQuery } from '../../api/polling';
import { flameGraphQueryOptions, isFlameGraphSettled } from '../../api/vertex-sampling';
import { loadFlameGraph } from '../../charts/flame-graph/FlameGraphChart';
import type { FlameNode } from '../../charts/flame-graph/flame-data';
import type { FlameColors } from '../../charts/flame-graph/flamegraph-setup';
import { ButtonGroup } from '../../components/ButtonGroup';
import { FlameGraphExplorer } from '../../components/FlameGraphExplorer';
import { QueryState } from '../../components/QueryState';
import { Toolbar, ToolbarField } from '../../components/Toolbar';
import { formatDuration, formatTimestamp } from '../../lib/format';
import { useSearchState } from '../../lib/search-state';
import { useNow } from '../../lib/use-now';
import {
  FLAME_TYPE_LABELS,
  FLAME_TYPE_ORDER,
  flameTypeParam,
  flameView,
  subtaskParam,
  validSubtask,
} from './flame-graph-params';
import './flame-graph-panel.css';

interface FlameGraphPanelProps {
  jobId: string;
  vertexId: string;
  /** For the subtask picker; unknown while the vertex loads. */
  parallelism: number | undefined;
}

const COLORS = { ON_CPU: 'on-cpu', OFF_CPU: 'off-cpu', FULL: 'mixed' } as const satisfies Record<string, FlameColors>;

/**
 * A vertex's flame graph: On-CPU, Off-CPU or Mixed, for all subtasks or one. Flink samples
 * stack traces on demand; the states it signals (disabled, still sampling, task not running)
 * are said in words, and the graph is redrawn only when a new sample arrives.
 */
export function FlameGraphPanel({ jobId, vertexId, parallelism }: FlameGraphPanelProps): ReactNode {
  const [type, setType] = useSearchState('flame', flameTypeParam);
  const [subtaskRaw, setSubtask] = useSearchState('subtask', subtaskParam);
  const subtask = validSubtask(subtaskRaw, parallelism);
  const query = useSampledQuery(
    flameGraphQueryOptions(jobId, vertexId, { type, subtaskIndex: subtask ?? undefined }),
    isFlameGraphSettled,
  );
  const subtaskId = useId();
  // Fetch the chart library in parallel with the sample, not after it.
  useEffect(() => {
    loadFlameGraph().catch(() => undefined); // FlameGraphChart reports a failed load
  }, []);

  return (
    <div className="flame-graph-panel">
      <Toolbar spaceBelow="10px">
        <ButtonGroup label="Flame graph type">
          {FLAME_TYPE_ORDER.map((t) => (
            <button key={t} type="button" aria-pressed={t === type} onClick={() => setType(t)}>
              {FLAME_TYPE_LABELS[t]}
            </button>
          ))}
        </ButtonGroup>
        <ToolbarField htmlFor={subtaskId}>
          <span>Subtasks</span>
          <select
            id={subtaskId}
            value={subtask === null ? 'all' : String(subtask)}
            onChange={(e) => setSubtask(e.target.value === 'all' ? null : Number(e.target.value))}
          >
            <option value="all">All subtasks</option>
            {Array.from({ length: parallelism ?? 0 }, (_, i) => (
              <option key={i} value={i}>
                Subtask {i}
              </option>
            ))}
          </select>
        </ToolbarField>
      </Toolbar>
      <QueryState query={query} what="the flame graph">
        {(graph) => {
          const view = flameView(graph);
          switch (view.kind) {
            case 'disabled':
              return (
                <div className="panel-warning flame-state" role="status">
                  <p>
                    <strong>Flame graphs are disabled on this cluster.</strong> To enable them, set{' '}
                    <code>rest.flamegraph.enabled: true</code> in the Flink configuration and restart the JobManager.
                  </p>
                </div>
              );
            case 'terminated':
              return (
                <p className="flame-state empty" role="status">
                  The task is not running (finished, canceled or failed): there is nothing to sample. Flame graphs exist
                  only for running subtasks.
                </p>
              );
            case 'waiting':
              return (
                <p className="flame-state" role="status" aria-busy="true">
                  Sampling… waiting for the first samples. Flink collects stack traces from the{' '}
                  {subtask === null ? 'running subtasks' : `subtask ${subtask}`}; this takes a few seconds.
                </p>
              );
            case 'ready':
              if (view.tree.value <= 0 || (view.tree.children ?? []).length === 0) {
                return (
                  <p className="flame-state empty" role="status">
                    Sampled at {formatTimestamp(view.sampledAt)}: no stack trace in this sample was{' '}
                    {type === 'ON_CPU'
                      ? 'on the CPU (the threads were waiting or sleeping). Try Off-CPU or Mixed.'
                      : 'of this kind.'}
                  </p>
                );
              }
              return (
                <FlameGraphView
                  tree={view.tree}
                  sampledAt={view.sampledAt}
                  colors={COLORS[type]}
                  label={`${FLAME_TYPE_LABELS[type]} flame graph of ${subtask === null ? 'all subtasks' : `subtask ${subtask}`}`}
                />
              );
          }
        }}
      </QueryState>
    </div>
  );
}

interface FlameGraphViewProps {
  tree: FlameNode;
  sampledAt: number;
  colors: FlameColors;
  label: string;
}

function FlameGraphView({ tree, sampledAt, colors, label }: FlameGraphViewProps): ReactNode {
  const now = useNow();
  return (
    <>
      <p className="flame-sampled" role="status">
        Sampled at {formatTimestamp(sampledAt)} ({formatDuration(Math.max(0, now - sampledAt))} ago) · {tree.value}{' '}
        samples. Click a frame to zoom into it.
      </p>
      <FlameGraphExplorer tree={tree} version={sampledAt} colors={colors} label={label} />
    </>
  );
}
