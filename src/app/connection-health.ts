import type { QueryCache } from '@tanstack/react-query';
import { FlinkApiError } from '../api/errors';

// Whether the JobManager (or the proxy in front of it) is answering, derived from what every
// query reports: the app shows one banner for the whole connection instead of an error in
// every panel, and clears it by itself when answers come back.

export type ConnectionStatus =
  | { state: 'ok' }
  | { state: 'unreachable'; since: number; message: string }
  | { state: 'session-expired'; since: number };

const UNREACHABLE_STATUSES = new Set([502, 503, 504]);

/** Which failures mean the connection is down, as opposed to one panel's problem. */
export function connectionFailure(error: unknown): 'unreachable' | 'session-expired' | null {
  if (!(error instanceof FlinkApiError)) return null;
  if (error.kind === 'session-expired') return 'session-expired';
  if (error.kind === 'network' || error.kind === 'timeout') return 'unreachable';
  if (error.kind === 'http' && UNREACHABLE_STATUSES.has(error.status)) return 'unreachable';
  return null;
}

export class ConnectionHealth {
  private status: ConnectionStatus = { state: 'ok' };
  private readonly listeners = new Set<() => void>();

  constructor(private readonly now: () => number = Date.now) {}

  get = (): ConnectionStatus => this.status;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  /** A query answered: the connection works. */
  recordSuccess(): void {
    if (this.status.state !== 'ok') this.set({ state: 'ok' });
  }

  recordError(error: unknown): void {
    const failure = connectionFailure(error);
    if (failure === null) return;
    if (failure === 'session-expired') {
      if (this.status.state !== 'session-expired') this.set({ state: 'session-expired', since: this.now() });
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    if (this.status.state === 'ok') this.set({ state: 'unreachable', since: this.now(), message });
  }

  /** Follows every query of a cache; returns the function that stops following. */
  follow(cache: QueryCache): () => void {
    return cache.subscribe((event) => {
      if (event.type !== 'updated') return;
      if (event.action.type === 'success') this.recordSuccess();
      else if (event.action.type === 'error') this.recordError(event.action.error);
    });
  }

  private set(status: ConnectionStatus): void {
    this.status = status;
    this.listeners.forEach((l) => l());
  }
}
