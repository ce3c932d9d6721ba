import { skipToken, type QueryFunction, type QueryKey, type UseQueryOptions } from '@tanstack/react-query';

/**
 * src/api's options for the job manager's and a task manager's variant of an endpoint have
 * different (precise) key types, so one variable cannot hold either. This keeps their key and
 * fetch function and forgets the precise key type.
 */
export function anyKeyOptions<TData, TKey extends QueryKey>(options: {
  queryKey: TKey;
  queryFn?: QueryFunction<TData, TKey> | typeof skipToken;
}): UseQueryOptions<TData, Error, TData, QueryKey> {
  const { queryKey, queryFn } = options;
  return {
    queryKey,
    queryFn:
      queryFn === undefined || queryFn === skipToken ? skipToken : (context) => queryFn({ ...context, queryKey }),
  };
}
