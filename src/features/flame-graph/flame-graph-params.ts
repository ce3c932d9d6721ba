import { FLAME_GRAPH_TYPES, type FlameGraphType } from '../../api/query';
import { flameGraphState, type FlameGraph, type FlameGraphState } from '../../api/vertex-sampling';
import { enumParam, type SearchParam } from '../../lib/search-state';

// The flame graph's view state, in the URL so a link shows the same graph.

export const FLAME_TYPE_LABELS: Record<FlameGraphType, string> = {
  ON_CPU: 'On-CPU',
  OFF_CPU: 'Off-CPU',
  FULL: 'Mixed',
};

/** Order of the buttons: On-CPU first, as Flink's own dashboard. */
export const FLAME_TYPE_ORDER: readonly FlameGraphType[] = ['ON_CPU', 'OFF_CPU', 'FULL'];

export const flameTypeParam: SearchParam<FlameGraphType> = enumParam(FLAME_GRAPH_TYPES, 'ON_CPU');

/** `?subtask=3`: one subtask; absent or anything else: all subtasks (null). */
export const subtaskParam: SearchParam<number | null> = {
  parse: (raw) => (raw !== null && /^\d{1,9}$/.test(raw) ? Number(raw) : null),
  serialize: (value) => (value === null ? null : String(value)),
};

/** A subtask index that exists for this parallelism, or null (all subtasks). */
export function validSubtask(subtask: number | null, parallelism: number | undefined): number | null {
  if (subtask === null || parallelism === undefined) return subtask;
  return subtask < parallelism ? subtask : null;
}

export type FlameView =
  | { kind: 'ready'; sampledAt: number; tree: NonNullable<FlameGraph['data']> }
  | { kind: Exclude<FlameGraphState, 'ready'> };

/** What to show for an answer; 'ready' only when a sample with data arrived. */
export function flameView(graph: FlameGraph): FlameView {
  const state = flameGraphState(graph);
  if (state === 'ready' && graph.data) return { kind: 'ready', sampledAt: graph.endTimestamp, tree: graph.data };
  return { kind: state === 'ready' ? 'waiting' : state };
}
