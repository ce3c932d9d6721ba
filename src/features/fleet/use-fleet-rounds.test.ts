import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fleetKeys, flinkKeys } from '../../api/keys';
import { fleetRoundStore } from './use-fleet-rounds';

/** A request that answers when told to. */
function deferred(): { promise: Promise<string>; answer: (v: string) => void; fail: (e: Error) => void } {
  let answer: (v: string) => void = () => undefined;
  let fail: (e: Error) => void = () => undefined;
  const promise = new Promise<string>((resolve, reject) => {
    answer = resolve;
    fail = reject;
  });
  return { promise, answer, fail };
}

describe('fleetRoundStore', () => {
  let client: QueryClient;
  let store: ReturnType<typeof fleetRoundStore>;
  let changes: number;
  let unsubscribe: () => void;

  beforeEach(() => {
    vi.useFakeTimers();
    client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    store = fleetRoundStore(client, 400);
    changes = 0;
    unsubscribe = store.subscribe(() => (changes += 1));
  });
  afterEach(() => {
    unsubscribe();
    client.clear();
    vi.useRealTimers();
  });

  const ask = (queryKey: readonly unknown[]) => {
    const request = deferred();
    const done = client.fetchQuery({ queryKey, queryFn: () => request.promise }).catch(() => undefined);
    return { ...request, done };
  };

  it('counts a round once, when the last request of it is answered', async () => {
    const a = ask(fleetKeys.overview('a'));
    const b = ask(fleetKeys.jobsOverview('b'));
    a.answer('a1');
    await a.done;
    expect(changes).toBe(0);
    b.answer('b1');
    await b.done;
    expect(changes).toBe(1);
    expect(store.getSnapshot()).toBe(1);
    expect(store.cut()).toBe(false);
  });

  it('cuts a round short the cap after its first request, and counts its end again', async () => {
    const a = ask(fleetKeys.overview('a'));
    const slow = ask(fleetKeys.overview('slow'));
    a.answer('a1');
    await a.done;
    await vi.advanceTimersByTimeAsync(399);
    expect(changes).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(changes).toBe(1);
    expect(store.cut()).toBe(true);
    slow.answer('s1');
    await slow.done;
    expect(changes).toBe(2);
    expect(store.cut()).toBe(false);
    await vi.advanceTimersByTimeAsync(1000);
    expect(changes).toBe(2);
  });

  it('counts a failed request as answered, and ignores queries that are not the fleet’s', async () => {
    const other = ask(flinkKeys.jobsOverview());
    other.answer('x');
    await other.done;
    await vi.advanceTimersByTimeAsync(1000);
    expect(changes).toBe(0);
    const down = ask(fleetKeys.overview('down'));
    down.fail(new Error('connection refused'));
    await down.done;
    expect(changes).toBe(1);
  });
});
