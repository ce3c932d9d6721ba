// The messages between the page and the layout worker (layout.worker.ts), and the worker's side
// of them. Pure: the worker is a two-line shell around `answerLayoutRequest`, so the protocol is
// tested without a Worker.

import { layoutJobGraph, type GraphLayout, type GraphStructure, type LayoutOptions } from './layout';

export interface LayoutRequest {
  /** Matches the answer to its request (several can be in flight). */
  readonly id: number;
  readonly structure: GraphStructure;
  readonly options: LayoutOptions;
}

export type LayoutResponse =
  { readonly id: number; readonly layout: GraphLayout } | { readonly id: number; readonly error: string };

/** The worker's answer to one request: the layout, or the error's message (never a throw). */
export function answerLayoutRequest(request: LayoutRequest): LayoutResponse {
  try {
    return { id: request.id, layout: layoutJobGraph(request.structure, request.options) };
  } catch (err) {
    return { id: request.id, error: err instanceof Error ? err.message : String(err) };
  }
}

/** Whether a message from the worker is an answer (and not something else posted to the port). */
export function isLayoutResponse(data: unknown): data is LayoutResponse {
  if (typeof data !== 'object' || data === null) return false;
  const d = data as Record<string, unknown>;
  return (
    typeof d.id === 'number' && ((typeof d.layout === 'object' && d.layout !== null) || typeof d.error === 'string')
  );
}
