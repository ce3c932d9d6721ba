// Bottleneck, not symptom. Back pressure propagates upstream: a slow vertex makes every vertex
// before it wait for buffers, so the most back-pressured vertex is usually the victim, not the
// cause. For each back-pressured vertex this walks the plan downstream to the first vertex that
// is busy and not itself back-pressured: the likely bottleneck. Pure, from the job details
// (the plan's edges) and the busy / back-pressured shares of two polls (lib/vertex-rates).

import type { JobDetails } from '../../api/jobs';
import type { VertexRates } from '../vertex-rates';

/** Flink's own "HIGH" back pressure and busy levels start at 50 % of the time. */
export const BACK_PRESSURED = 0.5;
export const BUSY = 0.5;

export type BottleneckKind =
  /** A busy, not back-pressured vertex with vertices after it. */
  | 'operator'
  /** The bottleneck is a sink: the system it writes to may be what is slow. */
  | 'sink'
  /** No busy vertex downstream: the wait is outside Flink (network, an external call, a full disk). */
  | 'outside';

export interface BackPressureChain {
  /** The most back-pressured vertex of the chain (the symptom). */
  readonly vertexId: string;
  readonly vertexName: string;
  /** Its back-pressured share of time, in [0, 1]. */
  readonly backPressured: number;
  /** The other back-pressured vertices that wait on the same bottleneck. */
  readonly alsoBackPressured: readonly string[];
  readonly kind: BottleneckKind;
  /** The likely bottleneck; null when the cause is outside Flink. */
  readonly bottleneck: { readonly id: string; readonly name: string; readonly busy: number | null } | null;
}

type Graph = ReadonlyMap<string, readonly string[]>;

/** Downstream edges from the plan: each node lists its inputs, so invert them. */
export function downstreamOf(details: Pick<JobDetails, 'plan' | 'vertices'>): Graph {
  const out = new Map<string, string[]>();
  for (const v of details.vertices) out.set(v.id, []);
  for (const node of details.plan.nodes) {
    for (const input of node.inputs ?? []) {
      const list = out.get(input.id) ?? [];
      if (!list.includes(node.id)) list.push(node.id);
      out.set(input.id, list);
    }
  }
  return out;
}

const isBackPressured = (r: VertexRates | undefined): boolean => (r?.backPressured ?? 0) >= BACK_PRESSURED;

/**
 * The likely bottleneck of one back-pressured vertex: breadth first downstream, the first vertex
 * that is not back-pressured and busy; among several at the same distance, the busiest.
 */
export function findBottleneck(
  start: string,
  graph: Graph,
  rates: ReadonlyMap<string, VertexRates>,
): { id: string; kind: BottleneckKind } | null {
  const seen = new Set([start]);
  let frontier = [start];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const d of graph.get(id) ?? []) {
        if (seen.has(d)) continue;
        seen.add(d);
        next.push(d);
      }
    }
    const candidates = next
      .filter((id) => !isBackPressured(rates.get(id)) && (rates.get(id)?.busy ?? 0) >= BUSY)
      .sort((a, b) => (rates.get(b)?.busy ?? 0) - (rates.get(a)?.busy ?? 0));
    const found = candidates[0];
    if (found !== undefined) return { id: found, kind: (graph.get(found) ?? []).length === 0 ? 'sink' : 'operator' };
    // Keep walking only through vertices that are themselves back-pressured (still the symptom).
    frontier = next.filter((id) => isBackPressured(rates.get(id)));
  }
  return null;
}

/** One chain per bottleneck, its most back-pressured vertex named; worst first. */
export function backPressureChains(
  details: Pick<JobDetails, 'plan' | 'vertices'>,
  rates: ReadonlyMap<string, VertexRates>,
): BackPressureChain[] {
  const graph = downstreamOf(details);
  const names = new Map(details.vertices.map((v) => [v.id, v.name]));
  const chains = new Map<
    string,
    { members: { id: string; share: number }[]; kind: BottleneckKind; id: string | null }
  >();
  for (const vertex of details.vertices) {
    const r = rates.get(vertex.id);
    if (!isBackPressured(r)) continue;
    const found = findBottleneck(vertex.id, graph, rates);
    const key = found ? found.id : `outside:${vertex.id}`;
    const chain = chains.get(key) ?? { members: [], kind: found?.kind ?? 'outside', id: found?.id ?? null };
    chain.members.push({ id: vertex.id, share: r?.backPressured ?? 0 });
    chains.set(key, chain);
  }
  const result: BackPressureChain[] = [];
  for (const chain of chains.values()) {
    const members = [...chain.members].sort((a, b) => b.share - a.share);
    const worst = members[0];
    if (!worst) continue;
    result.push({
      vertexId: worst.id,
      vertexName: names.get(worst.id) ?? worst.id,
      backPressured: worst.share,
      alsoBackPressured: members.slice(1).map((m) => names.get(m.id) ?? m.id),
      kind: chain.kind,
      bottleneck:
        chain.id === null
          ? null
          : { id: chain.id, name: names.get(chain.id) ?? chain.id, busy: rates.get(chain.id)?.busy ?? null },
    });
  }
  return result.sort((a, b) => b.backPressured - a.backPressured);
}

/** The chain's cause in words: "bottleneck: Slow enrichment (busy 99%)". */
export function bottleneckWords(chain: BackPressureChain): string {
  const b = chain.bottleneck;
  if (!b) return 'bottleneck: outside Flink (no busy vertex downstream; an external system or the network)';
  const busy = b.busy === null ? '' : ` (busy ${Math.round(b.busy * 100)}%)`;
  if (chain.kind === 'sink') return `bottleneck: ${b.name}${busy}, a sink: the system it writes to may be slow`;
  return `bottleneck: ${b.name}${busy}`;
}
