// One GET endpoint as react-query options, derived from its row in endpoints.ts, its valibot
// schema and its key from keys.ts. Every GET of src/api is one call to `jsonQuery` or
// `textQuery`; components read them through usePolledQuery / useSampledQuery (polling.ts), and
// code outside React (asynchronous operations, the contract suite) through `requestOnce`.

import { queryOptions, type DataTag, type QueryKey } from '@tanstack/react-query';
import type * as v from 'valibot';
import type { RefreshKind } from '../refresh/policy';
import {
  decode,
  requestDecoded,
  requestJson,
  requestText,
  type AnswerOrigin,
  type JsonValue,
  type ParamsOption,
} from './client';
import { endpointKey, type EndpointSpec } from './endpoints';
import { FlinkApiError } from './errors';
import type { QueryParams } from './query';
import type { ClusterTarget } from './settings';
import { activeSnapshot, snapshotAnswer } from './snapshot';

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
  /** Another cluster than the active one (fleet views; see client.ts `target`). */
  readonly target?: ClusterTarget;
};

export interface EndpointQueryOptions<T, K extends QueryKey> {
  readonly queryKey: DataTag<K, T, Error>;
  /**
   * Uses nothing of react-query's context but the signal, so the same options also run outside
   * react-query (`requestOnce`); without a signal the request has only the client's deadline.
   */
  readonly queryFn: (context: { readonly signal?: AbortSignal }) => Promise<T>;
  readonly meta: EndpointQueryMeta;
  /** While a snapshot is shown: its recorded answer, as of when it was recorded. */
  readonly initialData?: () => T | undefined;
  readonly initialDataUpdatedAt?: () => number | undefined;
  /**
   * `false` for answers too large to compare with the last one on every refresh (`LARGE_ANSWER`),
   * or the answer's own way to keep what did not change (`AnswerSharing`).
   */
  readonly structuralSharing?: false | ((previous: unknown, next: unknown) => unknown);
}

/** How an answer is kept between refreshes. */
export interface AnswerSharing {
  /**
   * `false`: every answer replaces the last one whole. React-query otherwise compares a new answer
   * with the last one deeply to keep unchanged parts; for an answer with an entry per subtask
   * whose counters move on every refresh (vertex details, watermarks, back pressure) that walk
   * over thousands of objects finds nearly nothing to keep and costs more than the re-render.
   * A function: the answer's own cheaper way to keep the last answer's unchanged parts (by id,
   * say), given the last answer (undefined at first) and the new one.
   */
  readonly structuralSharing?: false | ((previous: unknown, next: unknown) => unknown);
}

/** For `jsonQuery`'s `sharing`: an answer with one entry per subtask (thousands on a wide vertex). */
export const LARGE_ANSWER: AnswerSharing = { structuralSharing: false };

function endpointQuery<T, K extends QueryKey>(
  queryKey: K,
  queryFn: (context: { readonly signal?: AbortSignal }) => Promise<T>,
  refresh: RefreshKind,
  snapshot: { readonly endpoint: string; readonly decode: (recorded: unknown) => T },
  sharing: AnswerSharing = {},
): EndpointQueryOptions<T, K> {
  const meta: EndpointQueryMeta = { refresh };
  if (activeSnapshot()) {
    // The snapshot source: the recorded answer, decoded again with the endpoint's schema, as of
    // when it was recorded (so "updated at" and the histories keep the snapshot's times).
    const fromSnapshot = (): Promise<T> => {
      const recorded = snapshotAnswer(queryKey);
      if (!recorded) {
        return Promise.reject(
          new FlinkApiError({
            kind: 'not-in-snapshot',
            endpoint: snapshot.endpoint,
            message: `${snapshot.endpoint}: not in this snapshot`,
          }),
        );
      }
      try {
        return Promise.resolve(snapshot.decode(recorded.data));
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    };
    const initialData = (): T | undefined => {
      const recorded = snapshotAnswer(queryKey);
      if (!recorded) return undefined;
      try {
        return snapshot.decode(recorded.data);
      } catch {
        return undefined; // the query function reports it
      }
    };
    return {
      queryKey: queryOptions({ queryKey, queryFn: fromSnapshot, meta }).queryKey,
      queryFn: fromSnapshot,
      meta,
      initialData,
      initialDataUpdatedAt: () => snapshotAnswer(queryKey)?.updatedAt,
      ...sharing,
    };
  }
  const { queryKey: taggedKey } = queryOptions({ queryKey, queryFn: ({ signal }) => queryFn({ signal }), meta });
  return { queryKey: taggedKey, queryFn, meta, ...sharing };
}

/**
 * A JSON endpoint: its answer decoded with `schema`; `refresh` says how often it changes,
 * `sharing` how it is kept between refreshes (`LARGE_ANSWER`: replaced whole); `decodeBody`, where
 * its body (bytes) is decoded when not here (a worker: the fleet's job lists, job-list-delta.ts).
 */
export function jsonQuery<E extends EndpointSpec, S extends v.GenericSchema, K extends QueryKey>(
  queryKey: K,
  endpoint: E,
  schema: S,
  request: EndpointRequest<E>,
  refresh: RefreshKind = 'live',
  sharing: AnswerSharing = {},
  decodeBody?: (body: string | ArrayBuffer, at: AnswerOrigin) => Promise<v.InferOutput<S>>,
): EndpointQueryOptions<v.InferOutput<S>, K> {
  const key = endpointKey(endpoint);
  return endpointQuery(
    queryKey,
    ({ signal }) =>
      decodeBody
        ? requestDecoded(endpoint, { ...request, signal, bodyAsBytes: true }, decodeBody)
        : requestJson(endpoint, schema, { ...request, signal }),
    refresh,
    { endpoint: key, decode: (recorded) => decode(schema, recorded, key) },
    sharing,
  );
}

/** A file served as text (logs, stdout). */
export function textQuery<E extends EndpointSpec, K extends QueryKey>(
  queryKey: K,
  endpoint: E,
  request: EndpointRequest<E>,
  refresh: RefreshKind = 'live',
): EndpointQueryOptions<string, K> {
  const key = endpointKey(endpoint);
  return endpointQuery(queryKey, ({ signal }) => requestText(endpoint, { ...request, signal }), refresh, {
    endpoint: key,
    decode: (recorded) => {
      if (typeof recorded === 'string') return recorded;
      throw new FlinkApiError({ kind: 'bad-shape', endpoint: key, issues: ['(root): expected a text file'] });
    },
  });
}

/** Sends a query's request once, outside react-query: no cache, no retry, no polling. */
export function requestOnce<T>(
  options: Pick<EndpointQueryOptions<T, QueryKey>, 'queryFn'>,
  signal?: AbortSignal,
): Promise<T> {
  return options.queryFn({ signal });
}
