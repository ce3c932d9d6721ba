// One GET endpoint as react-query options, derived from its row in endpoints.ts, its valibot
// schema and its key from keys.ts. Every GET of src/api is one call to `jsonQuery` or
// `textQuery`; components read them through usePolledQuery / useSampledQuery (polling.ts), and
// code outside React (asynchronous operations, the contract suite) through `requestOnce`.

import { queryOptions, type DataTag, type QueryKey } from '@tanstack/react-query';
import type * as v from 'valibot';
import type { RefreshKind } from '../refresh/policy';
import { requestJson, requestText, type JsonValue, type ParamsOption } from './client';
import type { EndpointSpec } from './endpoints';
import type { QueryParams } from './query';

/** What a query declares to the refresh policy: how often its data changes. */
export type EndpointQueryMeta = { readonly refresh?: RefreshKind };

declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: EndpointQueryMeta;
  }
}

/** The request of one endpoint, apart from the signal: path parameters, query values, a body. */
export type EndpointRequest<E extends EndpointSpec> = ParamsOption<E> & {
  readonly query?: QueryParams;
  /** Only for POSTs without side effects that are cached like a GET (a jar's plan). */
  readonly body?: JsonValue;
};

export interface EndpointQueryOptions<T, K extends QueryKey> {
  readonly queryKey: DataTag<K, T, Error>;
  /**
   * Uses nothing of react-query's context but the signal, so the same options also run outside
   * react-query (`requestOnce`); without a signal the request has only the client's deadline.
   */
  readonly queryFn: (context: { readonly signal?: AbortSignal }) => Promise<T>;
  readonly meta: EndpointQueryMeta;
}

function endpointQuery<T, K extends QueryKey>(
  queryKey: K,
  queryFn: (context: { readonly signal?: AbortSignal }) => Promise<T>,
  refresh: RefreshKind,
): EndpointQueryOptions<T, K> {
  const meta: EndpointQueryMeta = { refresh };
  return { ...queryOptions({ queryKey, queryFn: ({ signal }) => queryFn({ signal }), meta }), queryFn, meta };
}

/** A JSON endpoint: its answer decoded with `schema`; `refresh` says how often it changes. */
export function jsonQuery<E extends EndpointSpec, S extends v.GenericSchema, K extends QueryKey>(
  queryKey: K,
  endpoint: E,
  schema: S,
  request: EndpointRequest<E>,
  refresh: RefreshKind = 'live',
): EndpointQueryOptions<v.InferOutput<S>, K> {
  return endpointQuery(queryKey, ({ signal }) => requestJson(endpoint, schema, { ...request, signal }), refresh);
}

/** A file served as text (logs, stdout). */
export function textQuery<E extends EndpointSpec, K extends QueryKey>(
  queryKey: K,
  endpoint: E,
  request: EndpointRequest<E>,
  refresh: RefreshKind = 'live',
): EndpointQueryOptions<string, K> {
  return endpointQuery(queryKey, ({ signal }) => requestText(endpoint, { ...request, signal }), refresh);
}

/** Sends a query's request once, outside react-query: no cache, no retry, no polling. */
export function requestOnce<T>(
  options: Pick<EndpointQueryOptions<T, QueryKey>, 'queryFn'>,
  signal?: AbortSignal,
): Promise<T> {
  return options.queryFn({ signal });
}
