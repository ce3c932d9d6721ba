import type { QueryCache } from '@tanstack/react-query';
import { connectionFailure, FlinkApiError } from '../api/errors';
import { isFleetKey } from '../api/keys';

// Whether the JobManager (or the proxy in front of it) is answering, derived from what every
// query reports: the app shows one banner for the whole connection instead of an error in
// every panel, and clears it by itself when answers come back.

export type ConnectionStatus =
  | { state: 'ok' }
  | { state: 'unreachable'; since: number; message: string; lastSuccessAt: number | null }
  | { state: 'session-expired'; since: number; lastSuccessAt: number | null };

const UNREACHABLE_STATUSES = new Set([502, 503, 504]);

// Which failures mean the connection is down: one rule for this banner and the fleet's rows.
export { connectionFailure };

/**
 * An error that is still an answer from the JobManager (a 404 for a job it no longer knows, its
 * JSON refusal, a 500 in its error JSON, an answer of an unexpected shape): the connection and
 * the session work, whatever that one request's problem is. A JobManager that restarted without
 * the job on screen answers nothing but 404s for that page.
 */
export function provesConnection(error: unknown): boolean {
  if (!(error instanceof FlinkApiError)) return false;
  switch (error.kind) {
    case 'not-found':
    case 'forbidden':
    case 'bad-shape':
      return true;
    case 'http':
      return !UNREACHABLE_STATUSES.has(error.status);
    default:
      return false;
  }
}

export class ConnectionHealth {
  private status: ConnectionStatus = { state: 'ok' };
  private lastSuccessAt: number | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly now: () => number = Date.now) {}

  get = (): ConnectionStatus => this.status;

  /** When a query last got an answer (the page's "updated X s ago"); not a notifying change. */
  lastSuccess = (): number | null => this.lastSuccessAt;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  /** A query answered: the connection works. */
  recordSuccess(): void {
    this.lastSuccessAt = this.now();
    if (this.status.state !== 'ok') this.set({ state: 'ok' });
  }

  recordError(error: unknown): void {
    const failure = connectionFailure(error);
    if (failure === null) {
      if (provesConnection(error) && this.status.state !== 'ok') this.set({ state: 'ok' });
      return;
    }
    if (failure === 'session-expired') {
      if (this.status.state !== 'session-expired') {
        this.set({ state: 'session-expired', since: this.now(), lastSuccessAt: this.lastSuccessAt });
      }
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    if (this.status.state === 'ok')
      this.set({ state: 'unreachable', since: this.now(), message, lastSuccessAt: this.lastSuccessAt });
  }

  /** Follows every query of a cache; returns the function that stops following. */
  follow(cache: QueryCache): () => void {
    return cache.subscribe((event) => {
      if (event.type !== 'updated') return;
      // The fleet views show each cluster's reachability on its own row, never as this banner.
      if (isFleetKey(event.query.queryKey as readonly unknown[])) return;
      if (event.action.type === 'success') this.recordSuccess();
      // 'failed' is one attempt that will be retried: hearing of it at once puts the banner up
      // within a refresh interval of the JobManager going away, not after the retries' back-off.
      else if (event.action.type === 'error' || event.action.type === 'failed') this.recordError(event.action.error);
    });
  }

  private set(status: ConnectionStatus): void {
    this.status = status;
    this.listeners.forEach((l) => l());
  }
}
