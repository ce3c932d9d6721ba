// What a person reads when an action fails: one sentence first, Flink's own text (in full) as
// detail. A 403 says the action is not allowed here; it never shows a stack trace.

import { isFlinkApiError, stripJavaExceptionPrefix, userMessage } from '../../api/errors';
import type { OperationFailure } from '../../api/operations';

export interface ActionFailure {
  /** One line a person can act on. */
  readonly message: string;
  /** Flink's full text (exception and server-side trace), shown pre-wrapped on demand. */
  readonly detail?: string;
}

export const NOT_ALLOWED = 'You are not allowed to do this here.';

/** Turns whatever an action threw into a failure a person can read. */
export function describeActionError(error: unknown): ActionFailure {
  if (!isFlinkApiError(error)) return { message: userMessage(error) };
  const flink = error.flinkMessage === undefined ? undefined : stripJavaExceptionPrefix(error.flinkMessage);
  // A 403 to an action is a refusal, whether Flink sent it (`forbidden`) or a proxy that lets
  // only GET through answered with its own page (which the client files as `session-expired`).
  if (error.kind === 'forbidden' || error.status === 403) {
    // Flink's (or the proxy's) one-line reason helps; its trace would not.
    return flink ? { message: NOT_ALLOWED, detail: flink } : { message: NOT_ALLOWED };
  }
  switch (error.kind) {
    case 'http':
    case 'not-found': {
      if (!flink) return { message: userMessage(error) };
      const full = error.flinkMessages
        .filter((m) => m.trim() !== '' && m.trim() !== 'Internal server error.')
        .join('\n');
      return full && full.trim() !== flink ? { message: flink, detail: full } : { message: flink };
    }
    default:
      return { message: userMessage(error) };
  }
}

/** A failed asynchronous operation (Flink's failure cause) as a failure a person can read. */
export function describeOperationFailure(failure: OperationFailure): ActionFailure {
  return failure.stackTrace ? { message: failure.message, detail: failure.stackTrace } : { message: failure.message };
}
