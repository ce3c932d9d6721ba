import { QueryClient } from '@tanstack/react-query';
import { FlinkApiError } from '../api/errors';
import { activeSnapshot } from '../api/snapshot';

// One QueryClient for the app. Retries only what can succeed on a second try (a network blip,
// a timeout, a 503), never a 404 or a response of the wrong shape; the refresh policy brings
// the data back later anyway.
export function createQueryClient(): QueryClient {
  if (activeSnapshot()) {
    // An opened snapshot: its answers never change; an unrecorded one stays unrecorded.
    return new QueryClient({
      defaultOptions: {
        queries: { retry: false, staleTime: Infinity, refetchOnWindowFocus: false, gcTime: 5 * 60_000 },
        mutations: { retry: false },
      },
    });
  }
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failureCount, error) => failureCount < 2 && (!(error instanceof FlinkApiError) || error.isRetryable),
        retryDelay: (attempt) => Math.min(1000 * 2 ** attempt, 8000),
        refetchOnWindowFocus: true,
        refetchIntervalInBackground: false,
        // Keep last good data on screen while a refetch fails: pages mark it stale instead.
        gcTime: 5 * 60_000,
      },
      mutations: { retry: false },
    },
  });
}
