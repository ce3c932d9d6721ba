import { useId, useMemo, useState, type ReactNode } from 'react';
import { FlameGraphChart } from '../charts/flame-graph/FlameGraphChart';
import { searchSamples, sharePercent, type FlameNode } from '../charts/flame-graph/flame-data';
import type { FlameColors } from '../charts/flame-graph/flamegraph-setup';
import styles from './FlameGraphExplorer.module.css';
import { Toolbar, ToolbarField } from './Toolbar';

export interface FlameGraphExplorerProps {
  tree: FlameNode;
  /** The chart redraws only when this changes (the sample's time, say). */
  version: number;
  colors: FlameColors;
  /** The chart's accessible description. */
  label: string;
  /** More controls in the toolbar, after "Reset zoom" and before the match count. */
  tools?: ReactNode;
}

/**
 * A flame graph with its toolbar: "Find frames" highlights the frames containing the text and
 * says how many match and their share of the samples; "Reset zoom" zooms back out.
 */
export function FlameGraphExplorer({ tree, version, colors, label, tools }: FlameGraphExplorerProps): ReactNode {
  const [search, setSearch] = useState('');
  const [resetToken, setResetToken] = useState(0);
  const found = useMemo(() => (search.trim() ? searchSamples(tree, search) : null), [tree, search]);
  const searchId = useId();

  return (
    <>
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
        {tools}
        {found && (
          <span className={styles.found} aria-live="polite">
            {found.frames === 0
              ? 'No frame matches.'
              : `${found.frames} frame${found.frames === 1 ? '' : 's'} match, ${sharePercent(found.matched, found.total)} of samples.`}
          </span>
        )}
      </Toolbar>
      <FlameGraphChart
        tree={tree}
        version={version}
        colors={colors}
        search={search}
        resetZoomToken={resetToken}
        label={label}
      />
    </>
  );
}
