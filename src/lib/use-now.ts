import { useSyncExternalStore } from 'react';

// One shared clock for live durations ("running for 3m 4s"), so a page with a hundred rows
// holds one timer, not a hundred. It stops when nothing on screen reads it.
const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === undefined) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      listeners.forEach((l) => l());
    }, 1000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

export function useNow(): number {
  return useSyncExternalStore(subscribe, () => now);
}

/**
 * The shared clock's reading, outside a render's output: a sort key of a running job's age, say,
 * agrees with the ages its cells show (the time of the clock's last tick while it runs).
 */
export function readClock(): number {
  return timer === undefined ? Date.now() : now;
}
