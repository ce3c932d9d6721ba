// Large graphs are laid out off the main thread: dagre needs a few hundred milliseconds of CPU for
// 500 vertices per direction, which would otherwise freeze the page. Up to two workers (one per
// direction "auto" compares, so both run at once on two cores); answers are cached per structure
// and options, so reopening the graph or a data refresh never lays it out again.

import { layoutJobGraph, structureKey, type GraphLayout, type GraphStructure, type LayoutOptions } from './layout';
import { isLayoutResponse, type LayoutRequest } from './layout-protocol';
import { installTrustedTypesPolicy } from '../../lib/trusted-types';

/** Workers kept; more would only compete for the same cores. */
const POOL_SIZE = 2;
/** Layouts remembered (a few graphs in both directions). */
const CACHE_SIZE = 8;

interface Pending {
  resolve: (layout: GraphLayout) => void;
  reject: (error: Error) => void;
}

interface PooledWorker {
  worker: Worker;
  pending: Map<number, Pending>;
}

/** Key of one layout: the structure and every option that changes the result. */
export function layoutCacheKey(structure: GraphStructure, options: LayoutOptions): string {
  const o = [options.direction ?? 'LR', options.nodeGap ?? '', options.layerGap ?? '', options.margin ?? ''];
  return `${o.join(':')}|${structureKey(structure)}`;
}

/** A small least-recently-used map. */
export class LruCache<V> {
  private readonly entries = new Map<string, V>();
  constructor(private readonly capacity: number) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}

let pool: PooledWorker[] | null = null;
/** Set once a worker could not be created or failed: from then on layouts run on the page. */
let workersBroken = typeof Worker === 'undefined';
let nextId = 1;
const cache = new LruCache<Promise<GraphLayout>>(CACHE_SIZE);
/** The answers already received, to draw a reopened graph in its first render. */
const settled = new LruCache<GraphLayout>(CACHE_SIZE);

function createWorker(): PooledWorker {
  // Under Trusted Types a worker's URL goes through the app's policy (same origin only).
  installTrustedTypesPolicy();
  const worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module', name: 'graph-layout' });
  const entry: PooledWorker = { worker, pending: new Map() };
  worker.onmessage = (event: MessageEvent<unknown>) => {
    const data = event.data;
    if (!isLayoutResponse(data)) return;
    const waiting = entry.pending.get(data.id);
    if (!waiting) return;
    entry.pending.delete(data.id);
    if ('layout' in data) waiting.resolve(data.layout);
    else waiting.reject(new Error(data.error));
  };
  worker.onerror = (event: ErrorEvent) => {
    // The script did not load (a CSP refusing it) or crashed: answer from the page instead.
    event.preventDefault();
    breakWorkers(new Error(event.message || 'the layout worker failed'));
  };
  return entry;
}

function breakWorkers(reason: Error): void {
  workersBroken = true;
  const old = pool ?? [];
  pool = null;
  for (const entry of old) {
    entry.worker.terminate();
    for (const waiting of entry.pending.values()) waiting.reject(reason);
    entry.pending.clear();
  }
}

/** The pooled worker with the fewest layouts in flight, creating workers up to the pool size. */
function pickWorker(): PooledWorker {
  pool ??= [];
  const idle = pool.find((w) => w.pending.size === 0);
  if (idle) return idle;
  if (pool.length < POOL_SIZE) {
    const created = createWorker();
    pool.push(created);
    return created;
  }
  return pool.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
}

function inWorker(structure: GraphStructure, options: LayoutOptions): Promise<GraphLayout> {
  const entry = pickWorker();
  const id = nextId;
  nextId += 1;
  const request: LayoutRequest = { id, structure, options };
  return new Promise<GraphLayout>((resolve, reject) => {
    entry.pending.set(id, { resolve, reject });
    entry.worker.postMessage(request);
  });
}

/**
 * The layout of `structure`, from a worker where the browser has them (else computed here, after
 * the current task). Cached: the same structure and options give the same promise.
 */
export function requestLayout(structure: GraphStructure, options: LayoutOptions): Promise<GraphLayout> {
  const key = layoutCacheKey(structure, options);
  const cached = cache.get(key);
  if (cached) return cached;
  const onPage = (): Promise<GraphLayout> =>
    new Promise((resolve) => setTimeout(resolve, 0)).then(() => layoutJobGraph(structure, options));
  let answer: Promise<GraphLayout>;
  if (workersBroken) answer = onPage();
  else {
    try {
      answer = inWorker(structure, options).catch(() => onPage());
    } catch {
      // `new Worker` refused (no policy for its URL, or the CSP forbids workers).
      breakWorkers(new Error('the layout worker could not start'));
      answer = onPage();
    }
  }
  cache.set(key, answer);
  answer.then(
    (layout) => settled.set(key, layout),
    () => cache.delete(key),
  );
  return answer;
}

/** The layout if it was computed before (reopening the graph draws at once), else undefined. */
export function settledLayout(structure: GraphStructure, options: LayoutOptions): GraphLayout | undefined {
  return settled.get(layoutCacheKey(structure, options));
}
