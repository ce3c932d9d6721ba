import { useSyncExternalStore } from 'react';
import { getOperations, subscribeOperations, type OperationsSnapshot } from './operations-store';

/** The operations started in this tab, newest first, re-rendering as they progress. */
export function useOperations(): OperationsSnapshot {
  return useSyncExternalStore(subscribeOperations, getOperations);
}
