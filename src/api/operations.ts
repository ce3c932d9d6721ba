// The one helper for Flink's asynchronous operations (savepoint, stop-with-savepoint,
// checkpoint, rescaling, dataset deletion, savepoint disposal): trigger, then poll the trigger
// id until the operation COMPLETED, and return its result or its failure cause as a value.

import { FlinkApiError, isRetryable, stripJavaExceptionPrefix } from './errors';
import type { AsyncOperationStatus, SerializedThrowable } from './schemas';
import { getApiSettings, type ClusterTarget } from './settings';

export interface OperationFailure {
  /** The Java exception class, when Flink sent it. */
  readonly className?: string;
  /** One line a person can read. */
  readonly message: string;
  /** The full stack trace as Flink stringified it. */
  readonly stackTrace?: string;
}

export type AsyncOperationOutcome<R> =
  | { readonly status: 'completed'; readonly triggerId: string; readonly result: R }
  | { readonly status: 'failed'; readonly triggerId: string; readonly failure: OperationFailure };

type Operation = NonNullable<AsyncOperationStatus['operation']>;

export interface AsyncOperationOptions<R> {
  /** Sends the trigger request; returns the trigger id Flink answered with. */
  readonly trigger: (signal: AbortSignal | undefined) => Promise<string>;
  /** Asks for the status of a trigger id. */
  /**
   * Asks for the operation's status on `cluster`, the cluster it was started on: with several
   * clusters the user may switch to another while it runs, and its status is not there.
   */
  readonly status: (
    triggerId: string,
    signal: AbortSignal | undefined,
    cluster: ClusterTarget,
  ) => Promise<AsyncOperationStatus>;
  /** Extracts the result of a successful operation (savepoint location, checkpoint id, ...). */
  readonly result: (operation: Operation | undefined) => R;
  /** Time between status requests. */
  readonly pollIntervalMs?: number;
  /** Give up (kind `timeout`) when the operation has not completed after this long. */
  readonly deadlineMs?: number;
  /**
   * How often to resend the trigger when it failed in a retryable way. Only safe when the
   * trigger is idempotent: savepoint and stop send a client-chosen trigger id, so Flink
   * recognises the retry and does not start a second savepoint.
   */
  readonly triggerRetries?: number;
  readonly signal?: AbortSignal;
  /** Told the trigger id as soon as it is known (to show it, or to resume polling later). */
  readonly onTriggered?: (triggerId: string) => void;
  /** A name for errors, e.g. `savepoint`. */
  readonly name?: string;
}

/** How callers tune the polling of a resource-specific operation (savepointNow, ...). */
export interface PollOptions {
  readonly pollIntervalMs?: number;
  readonly deadlineMs?: number;
  readonly signal?: AbortSignal;
  readonly onTriggered?: (triggerId: string) => void;
}

export const DEFAULT_POLL_INTERVAL_MS = 1000;
export const DEFAULT_OPERATION_DEADLINE_MS = 5 * 60_000;

/** Waits `ms` (fake-timer friendly), rejecting with kind `aborted` when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal, endpoint = 'operation'): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new FlinkApiError({ kind: 'aborted', endpoint }));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(new FlinkApiError({ kind: 'aborted', endpoint }));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * A readable failure from Flink's serialized throwable. 1.20 and 2.3 send `class` and
 * `stack-trace` (newer lines may add `message`): the message is the trace's first line without
 * the exception class, followed by its root cause's line when there is one.
 */
export function describeFailure(cause: SerializedThrowable | null | undefined): OperationFailure {
  const stackTrace = cause?.['stack-trace'];
  const className = cause?.class;
  const lines = stackTrace?.split('\n') ?? [];
  const head = cause?.message ?? lines[0]?.trim();
  const rootCause = lines
    .filter((l) => l.startsWith('Caused by: '))
    .pop()
    ?.slice('Caused by: '.length)
    .trim();
  const clean = (text: string) => stripJavaExceptionPrefix(text.trim());
  let message = head ? clean(head) : 'the operation failed without a cause';
  if (rootCause && !message.includes(clean(rootCause))) message = `${message} (${clean(rootCause)})`;
  return {
    message,
    ...(className === undefined ? {} : { className }),
    ...(stackTrace === undefined ? {} : { stackTrace }),
  };
}

function failureOf(operation: Operation | undefined): SerializedThrowable | undefined {
  return operation?.['failure-cause'] ?? operation?.failureCause ?? undefined;
}

/**
 * Triggers an operation and polls it to completion. Transport problems while polling that may
 * pass (network, timeout, 503) are tolerated until the deadline; others are thrown.
 */
export async function runAsyncOperation<R>(options: AsyncOperationOptions<R>): Promise<AsyncOperationOutcome<R>> {
  const pollIntervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  const deadlineMs = options.deadlineMs ?? DEFAULT_OPERATION_DEADLINE_MS;
  const name = options.name ?? 'operation';
  const started = Date.now();
  const { signal } = options;
  const active = getApiSettings();
  const cluster: ClusterTarget = { baseUrl: active.baseUrl, versionPrefix: active.versionPrefix };

  let triggerId: string | undefined;
  for (let attempt = 0; ; attempt++) {
    try {
      triggerId = await options.trigger(signal);
      break;
    } catch (error) {
      if (attempt >= (options.triggerRetries ?? 0) || !isRetryable(error) || signal?.aborted) throw error;
      await sleep(pollIntervalMs, signal, name);
    }
  }
  options.onTriggered?.(triggerId);

  for (;;) {
    let status: AsyncOperationStatus | undefined;
    try {
      status = await options.status(triggerId, signal, cluster);
    } catch (error) {
      if (!isRetryable(error) || signal?.aborted) throw error;
    }
    if (status?.status.id === 'COMPLETED') {
      const operation = status.operation ?? undefined;
      const failure = failureOf(operation);
      if (failure) return { status: 'failed', triggerId, failure: describeFailure(failure) };
      return { status: 'completed', triggerId, result: options.result(operation) };
    }
    if (Date.now() - started + pollIntervalMs > deadlineMs) {
      throw new FlinkApiError({
        kind: 'timeout',
        endpoint: name,
        message: `${name} ${triggerId} did not complete within ${Math.round(deadlineMs / 1000)} s`,
      });
    }
    await sleep(pollIntervalMs, signal, name);
  }
}
