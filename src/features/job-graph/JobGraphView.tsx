import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useHref, useNavigate } from 'react-router-dom';
import type { JobDetails, JobVertexSummary } from '../../api/jobs';
import {
  GRAPH_DIRECTIONS,
  JobGraphCanvas,
  nodeHeight,
  NODE_WIDTH,
  type GraphNodeView,
  type GraphViewState,
  type LegendEntry,
  type NodeTone,
} from '../../charts/job-graph/JobGraphCanvas';
import type { GraphStructure } from '../../charts/job-graph/layout';
import { VIRTUAL_ROWS_FROM } from '../../components/DataTable';
import { afterPaint } from '../../lib/after-paint';
import { useKept, useKeptFrom } from '../../lib/use-kept';
import { isTerminal } from '../../lib/job-states';
import { links } from '../../lib/paths';
import { enumParam, stringParam, useSearchState } from '../../lib/search-state';
import { classifyVertex, HOT_SHARE, vertexAriaLabel, vertexText, type VertexLoad } from './classify';
import { buildGraphModel } from './model';
import { NO_RATES } from '../../lib/vertex-rates';
import { needsSkewRequest, singleSubtaskFigures, skewFromAggregates, type SkewReading } from '../../lib/data-skew';
import { useReadsInTurn, type TurnReads } from './useReadsInTurn';
import { recordsInSkewQueryOptions } from '../../api/metrics';
import { useVertexRates } from './useVertexRates';
import { useVisibleWatermarks, type VisibleWatermarks } from './useVisibleWatermarks';
import { useOnScreen } from './useOnScreen';
import { useOperatorFlows } from './useOperatorFlows';
import { streamGraphWhileBuilding, type StreamGraphModel } from './stream-graph';
import { buildVertexRows, keepUnchangedRows, vertexRoles, type VertexRow } from './vertex-table';
import { keepUnchangedNodes, type BuiltNode } from './node-views';
import { VertexTable } from './VertexTable';
import { jobGraphStructure } from './structure';
import { newestRead, readAge, readRounds, readWindow, READS_PER_REFRESH, useRefreshTurn } from './read-in-turn';
import { usePollInterval } from '../../api/polling';
import './job-graph.css';

const TONE: Record<VertexLoad, NodeTone> = {
  'back-pressured': 'bad',
  busy: 'warn',
  ok: 'ok',
  inactive: 'neutral',
  'no-data': 'unknown',
};

const hot = `${Math.round(HOT_SHARE * 100)}%`;
const LEGEND: readonly LegendEntry[] = [
  { tone: 'bad', label: `Back-pressured ≥ ${hot}` },
  { tone: 'warn', label: `Busy ≥ ${hot}` },
  { tone: 'ok', label: 'Running' },
  { tone: 'unknown', label: 'No rates yet' },
  { tone: 'neutral', label: 'Not running' },
];

const vertexParam = stringParam();
/** `?direction=TB` or `LR`: the graph's flow direction as the user picked it (auto by default). */
const directionParam = enumParam(GRAPH_DIRECTIONS, 'auto');

interface JobGraphViewProps {
  jobId: string;
  /** The job's details, polled by the page; the graph needs no request of its own for them. */
  details: JobDetails;
  /** When the page received `details` (epoch ms): each refresh moves it, and the vertices read in turn with it. */
  receivedAt: number;
}

/**
 * The job graph tab: vertices coloured by busy and back-pressured time, records per second,
 * low watermarks and data skew, edges labelled with their ship strategy, and under it the vertex
 * table. A refresh costs the job details (already polled by the page) plus one watermark request
 * per vertex on screen and readable, one skew request per such vertex with more than one subtask,
 * and one operator-metrics request per source or sink vertex whose table row is on screen (see
 * useOperatorFlows), each of the three at most READS_PER_REFRESH per refresh, in turn.
 *
 * The graph and the table mark one vertex together: the one hovered or focused in either, else
 * the one picked by clicking its row, kept in the URL (`?vertex=<id>`) so a link shows it.
 */
/** The id under which the graph's own box is tracked on screen (vertex ids are hexadecimal). */
const GRAPH_ON_SCREEN = 'graph';
const NO_IDS: readonly string[] = [];

export function JobGraphView({ jobId, details, receivedAt }: JobGraphViewProps): ReactNode {
  const navigate = useNavigate();
  const hrefBase = useHref('/').replace(/\/$/, '');
  const model = useMemo(() => buildGraphModel(details.plan, details), [details]);
  const rates = useVertexRates(details);
  // What the canvas reported on screen; undefined until it did (no layout, as in jsdom: every node is kept current).
  const [view, setView] = useState<GraphViewState | undefined>(undefined);
  const live = !isTerminal(details.state);
  // What is on the page's screen: the graph itself (scrolled past, its nodes' watermarks and skews
  // are not read) and the vertex table's rows (their operator metrics).
  const { onScreen, track } = useOnScreen();
  const graphOnScreen = onScreen.has(GRAPH_ON_SCREEN);
  const readableIds = view?.detailed && graphOnScreen ? view.visible : NO_IDS;
  // At most READS_PER_REFRESH vertices' watermarks and skews are read per refresh, in turn.
  const turn = useRefreshTurn(receivedAt);
  const interval = usePollInterval('live');
  const readNow = useMemo(() => readWindow(readableIds, turn), [readableIds, turn]);
  // The readable vertices whose skew takes a request, the same array for as long as they are the
  // same (each refresh brings new vertex objects: the reads must not start over for that).
  const skewAsked = useSkewAsked(details.vertices, readableIds);
  const summaries = useMemo(() => new Map(details.vertices.map((v) => [v.id, v])), [details.vertices]);
  const rounds = live ? readRounds(readableIds.length) : 1;
  // The answers of a refresh's reads are drawn together once the last one is in: one update of
  // the graph per refresh, not one per answer (each re-lays out the SVG's text). They are read by
  // FigureReads, a child: an answer or a request starting renders it, not this whole view.
  const [figures, setFigures] = useState<Figures>(NO_FIGURES);
  const now = Math.max(receivedAt, newestRead(figures.watermarks.readAt, figures.skews.readAt));

  const [selected, setSelected] = useSearchState('vertex', vertexParam);
  const [direction, setDirection] = useSearchState('direction', directionParam);
  const [hovered, setHovered] = useState<string | undefined>(undefined);
  const highlighted = hovered ?? (selected === '' ? undefined : selected);
  const pick = useCallback((id: string | undefined) => setSelected(id ?? ''), [setSelected]);

  const roles = useMemo(() => vertexRoles(details), [details]);
  const tableVertices = useMemo(
    () => details.vertices.map((v) => ({ id: v.id, name: v.name, role: roles.get(v.id) })),
    [details, roles],
  );
  const operatorFlows = useOperatorFlows(jobId, tableVertices, onScreen, live, turn);
  const builtRows = useMemo(() => buildVertexRows(details, rates, operatorFlows), [details, rates, operatorFlows]);
  const rows = useKeptFrom(builtRows, keepRows);

  const structure = useMemo<GraphStructure>(() => jobGraphStructure(model), [model]);

  // The nodes whose details are drawn: those on screen at a zoom that shows them. The others keep
  // the lines they last showed (zoomed out, a node shows its name only) and follow only in colour
  // and accessible name, so a refresh changes the text of a few dozen nodes, not of all 300.
  const drawn = useMemo(
    () =>
      // Until the canvas has measured what it shows (it reports no node then), every node is kept current.
      view === undefined || view.visible.length === 0
        ? undefined
        : new Set(view.detailed && graphOnScreen ? view.visible : NO_IDS),
    [view, graphOnScreen],
  );
  const builtNodes = useMemo(() => {
    const out: BuiltNode[] = [];
    for (const vertex of model.vertices) {
      const vertexRates = rates.get(vertex.id) ?? NO_RATES;
      const load = classifyVertex(vertexRates, vertex.status);
      const textInput = { name: vertex.name, status: vertex.status, rates: vertexRates, load };
      const text = () =>
        vertexText({
          ...textInput,
          parallelism: vertex.parallelism,
          watermark: figures.watermarks.values.get(vertex.id),
          skew: skewOf(vertex.id, summaries.get(vertex.id), figures.skews.values),
          readAge:
            rounds > 1
              ? readAge(oldestRead(figures.watermarks.readAt, figures.skews.readAt, vertex.id), now, interval)
              : '',
        }).lines;
      out.push({
        id: vertex.id,
        title: vertex.name,
        tone: TONE[load],
        href: `${hrefBase}${links.vertex(jobId, vertex.id)}`,
        ariaLabel: vertexAriaLabel(textInput),
        selected: vertex.id === highlighted,
        lines: drawn === undefined || drawn.has(vertex.id) ? text() : text,
      });
    }
    return out;
  }, [model, rates, figures, summaries, drawn, rounds, now, interval, hrefBase, jobId, highlighted]);
  const nodes = useKeptFrom(builtNodes, keepNodes);
  const tableShown = useTableAfterGraph(details.vertices.length, view !== undefined);

  const openNode = useCallback((vertexId: string) => void navigate(links.vertex(jobId, vertexId)), [navigate, jobId]);

  // Flink 2.x's adaptive batch scheduler builds the job graph while the job runs: until every
  // operator is in a job vertex, the stream graph shows the whole job, as Flink's own UI does.
  const building = useMemo(() => streamGraphWhileBuilding(details), [details]);
  const streamView = useMemo(
    () => (building ? streamGraphView(building, jobId, hrefBase) : undefined),
    [building, jobId, hrefBase],
  );
  const openOperator = useCallback(
    (operatorId: string) => {
      const vertexId = building?.operators.find((o) => o.id === operatorId)?.jobVertexId;
      if (vertexId !== undefined) void navigate(links.vertex(jobId, vertexId));
    },
    [building, navigate, jobId],
  );

  if (model.vertices.length === 0 && !building) {
    return <p className="empty">This job has no vertices yet.</p>;
  }
  return (
    <section className="job-graph" aria-labelledby="job-graph-heading">
      <FigureReads
        jobId={jobId}
        vertexIds={readableIds}
        skewAsked={skewAsked}
        readNow={readNow}
        live={live}
        onSettled={setFigures}
      />
      <h2 id="job-graph-heading" className="visually-hidden">
        {building ? 'Stream graph' : 'Job graph'}
      </h2>
      <div ref={track(GRAPH_ON_SCREEN)}>
        {building && streamView ? (
          <>
            <p className="job-graph-note" role="status">
              The job graph is being built: {building.pending} pending{' '}
              {building.pending === 1 ? 'operator' : 'operators'} not yet in a job vertex. Showing the stream graph; the
              job graph replaces it once every operator has its vertex.
            </p>
            <JobGraphCanvas
              structure={streamView.structure}
              nodes={streamView.nodes}
              label={`Stream graph: ${building.operators.length} operators, ${building.pending} pending`}
              legend={STREAM_LEGEND}
              onOpenNode={openOperator}
              onViewChange={setView}
              direction={direction}
              onDirectionChange={setDirection}
            />
          </>
        ) : (
          <JobGraphCanvas
            structure={structure}
            nodes={nodes}
            label={`Job graph: ${model.vertices.length} vertices`}
            legend={LEGEND}
            onOpenNode={openNode}
            onHoverNode={setHovered}
            onViewChange={setView}
            direction={direction}
            onDirectionChange={setDirection}
          />
        )}
      </div>
      <p className="job-graph-note">
        Busy and back-pressured time and records per second are measured between the last two refreshes; open a vertex
        for its subtasks.
      </p>
      {rounds > 1 && (
        <p className="job-graph-note" role="status">
          Watermarks and data skew of the {readableIds.length} vertices on screen are read {READS_PER_REFRESH} vertices
          per refresh, in turn (each every {rounds} refreshes); &ldquo;read … ago&rdquo; on a vertex is the age of both.
        </p>
      )}
      {tableShown && (
        <VertexTable
          jobId={jobId}
          rows={rows}
          highlighted={highlighted}
          selected={selected === '' ? undefined : selected}
          onHover={setHovered}
          onSelect={pick}
          track={track}
        />
      )}
    </section>
  );
}

interface Figures {
  readonly watermarks: VisibleWatermarks;
  readonly skews: VertexSkewReads;
}

/** Per vertex with more than one subtask: its skew figures as last read (lib/data-skew). */
type VertexSkewReads = TurnReads<SkewReading>;

const NO_FIGURES: Figures = {
  watermarks: { values: new Map(), readAt: new Map(), pending: false },
  skews: { values: new Map(), readAt: new Map(), pending: false },
};

interface FigureReadsProps {
  jobId: string;
  /** The vertices whose watermarks are read (those on screen, in detail). */
  vertexIds: readonly string[];
  /** Those of them whose skew takes a request (more than one subtask). */
  skewAsked: readonly JobVertexSummary[];
  readNow: ReadonlySet<string>;
  live: boolean;
  /** Receives the figures once per refresh, when its reads have all ended (before that refresh is painted). */
  onSettled: (figures: Figures) => void;
}

/**
 * The watermark and skew reads of the vertices on screen. Renders nothing: each request that
 * starts or ends renders this component alone, and the view above it renders once per refresh,
 * when every read of it has ended (with 10 reads a refresh, the view rendered 20 times).
 */
function FigureReads({ jobId, vertexIds, skewAsked, readNow, live, onSettled }: FigureReadsProps): null {
  const watermarks = useVisibleWatermarks(jobId, vertexIds, readNow, live);
  const skewIds = useMemo(() => skewAsked.map((v) => v.id), [skewAsked]);
  const skews = useReadsInTurn(
    jobId,
    skewIds,
    readNow,
    live,
    (id) => recordsInSkewQueryOptions(jobId, id),
    skewFromAggregates,
  );
  const figures = useSettledFigures(watermarks, skews);
  // What the view was last handed (at first, what it starts with): figures that say the same
  // (vertices come on screen that were never read, say) would only make it draw everything again.
  const reported = useRef<Figures>(NO_FIGURES);
  // A layout effect: the view draws them in the same task, before anything is painted.
  useLayoutEffect(() => {
    if (sameFigures(figures, reported.current)) return;
    reported.current = figures;
    onSettled(figures);
  }, [figures, onSettled]);
  return null;
}

/** Whether two sets of figures show the same: a vertex missing from a map reads as never read. */
function sameFigures(a: Figures, b: Figures): boolean {
  return (
    sameEntries(a.watermarks.values, b.watermarks.values, undefined) &&
    sameEntries(a.watermarks.readAt, b.watermarks.readAt, 0) &&
    sameEntries(a.skews.values, b.skews.values, undefined) &&
    sameEntries(a.skews.readAt, b.skews.readAt, 0)
  );
}

/** The same value under every key of either map, a missing key reading as `none` (what `get` of it means). */
function sameEntries<V>(a: ReadonlyMap<string, V>, b: ReadonlyMap<string, V>, none: V | undefined): boolean {
  if (a === b) return true;
  const read = (map: ReadonlyMap<string, V>, key: string): V | undefined => (map.has(key) ? map.get(key) : none);
  for (const key of a.keys()) if (!Object.is(read(a, key), read(b, key))) return false;
  for (const key of b.keys()) if (!Object.is(read(a, key), read(b, key))) return false;
  return true;
}

/** The readable vertices with more than one subtask, kept the same array while their ids and parallelism are. */
function useSkewAsked(
  vertices: readonly JobVertexSummary[],
  readableIds: readonly string[],
): readonly JobVertexSummary[] {
  const asked = useMemo(() => {
    const ids = new Set(readableIds);
    return vertices.filter((v) => ids.has(v.id) && needsSkewRequest(v));
  }, [vertices, readableIds]);
  return useKept(
    asked.flatMap((v) => [v.id, v.parallelism]),
    () => asked,
  );
}

/** A vertex's skew: read by request for more than one subtask, else from the job details. */
function skewOf(
  id: string,
  summary: JobVertexSummary | undefined,
  readings: ReadonlyMap<string, SkewReading>,
): SkewReading {
  if (summary === undefined || needsSkewRequest(summary)) return readings.get(id);
  return singleSubtaskFigures(summary);
}

/**
 * The watermarks and skews as of the last refresh whose reads all ended: while a read is under
 * way, the figures of the one before. Each answer would otherwise update the graph on its own.
 */
function useSettledFigures(watermarks: VisibleWatermarks, skews: VertexSkewReads): Figures {
  const [settled, setSettled] = useState({ watermarks, skews });
  if (watermarks.pending || skews.pending) return settled;
  if (settled.watermarks.values === watermarks.values && settled.skews.values === skews.values) return settled;
  // Derived during render (no effect, no extra paint), as useKept does.
  const next = { watermarks, skews };
  setSettled(next);
  return next;
}

/** How long a long vertex table waits for the graph to report that it is drawn before it shows anyway. */
const TABLE_WAIT_MS = 2000;

/**
 * Whether to render the vertex table. A long one (virtual rows, each measured) is rendered after
 * the graph above it is drawn and painted: the click that opens the graph paints its nodes
 * without waiting for 300 rows below the fold, and they follow in a task of their own. A short
 * table shows at once.
 */
function useTableAfterGraph(rowCount: number, graphDrawn: boolean): boolean {
  const [shown, setShown] = useState(() => rowCount < VIRTUAL_ROWS_FROM);
  useEffect(() => {
    if (shown) return undefined;
    if (graphDrawn) return afterPaint(() => setShown(true));
    const timer = setTimeout(() => setShown(true), TABLE_WAIT_MS);
    return () => clearTimeout(timer);
  }, [shown, graphDrawn]);
  return shown;
}

/** The canvas's nodes, the previous node objects kept where they draw the same (see keepUnchangedNodes). */
const keepNodes = (
  previous: ReadonlyMap<string, GraphNodeView> | undefined,
  built: readonly BuiltNode[],
): ReadonlyMap<string, GraphNodeView> => keepUnchangedNodes(previous ?? new Map(), built);

/** The table's rows, each the same object for as long as its figures are (see keepUnchangedRows). */
const keepRows = (previous: readonly VertexRow[] | undefined, built: readonly VertexRow[]): readonly VertexRow[] =>
  previous ? keepUnchangedRows(previous, built) : built;

/** The older of a vertex's watermark and skew reads (a one-subtask vertex has no skew request). */
function oldestRead(
  watermarks: ReadonlyMap<string, number>,
  skews: ReadonlyMap<string, number>,
  id: string,
): number | undefined {
  const times = [watermarks.get(id), skews.get(id)].filter((t): t is number => t !== undefined && t > 0);
  return times.length > 0 ? Math.min(...times) : undefined;
}

const STREAM_LEGEND: readonly LegendEntry[] = [
  { tone: 'ok', label: 'In a running job vertex' },
  { tone: 'neutral', label: 'In a job vertex, not running' },
  { tone: 'unknown', label: 'Pending: no job vertex yet' },
];

/** The stream graph's nodes and edges for the graph canvas: pending operators link to the job. */
function streamGraphView(
  graph: StreamGraphModel,
  jobId: string,
  hrefBase: string,
): { structure: GraphStructure; nodes: Map<string, GraphNodeView> } {
  const structure: GraphStructure = {
    nodes: graph.operators.map((o) => ({ id: o.id, width: NODE_WIDTH, height: nodeHeight(2) })),
    edges: graph.edges.map((e) => ({
      id: e.id,
      source: e.source,
      target: e.target,
      ...(e.shipStrategy === undefined ? {} : { label: e.shipStrategy }),
    })),
  };
  const nodes = new Map<string, GraphNodeView>();
  for (const o of graph.operators) {
    const lines =
      o.jobVertexId === undefined
        ? ['pending: no job vertex yet']
        : [`parallelism ${o.parallelism ?? '?'}${o.status ? ` · ${o.status}` : ''}`];
    nodes.set(o.id, {
      id: o.id,
      title: o.name,
      lines,
      tone: o.jobVertexId === undefined ? 'unknown' : o.status === 'RUNNING' ? 'ok' : 'neutral',
      href: `${hrefBase}${o.jobVertexId === undefined ? links.job(jobId, 'graph') : links.vertex(jobId, o.jobVertexId)}`,
      ariaLabel: `${o.name}: ${lines.join(', ')}`,
    });
  }
  return { structure, nodes };
}
