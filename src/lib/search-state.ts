import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';

// View state that belongs in a shareable link (filters, sort, picked metrics) lives in the URL's
// query string. Each reader validates its own parameter: a bad or hand-edited value degrades to
// the default instead of breaking the page.

export interface SearchParam<T> {
  parse: (raw: string | null) => T;
  serialize: (value: T) => string | null;
}

export function stringParam(fallback = ''): SearchParam<string> {
  return {
    parse: (raw) => raw ?? fallback,
    serialize: (value) => (value === fallback ? null : value),
  };
}

export function enumParam<T extends string>(values: readonly T[], fallback: T): SearchParam<T> {
  return {
    parse: (raw) => values.find((v) => v === raw) ?? fallback,
    serialize: (value) => (value === fallback ? null : value),
  };
}

/** A comma-separated list of values, each kept only when `accept` says so. */
export function listParam(accept: (item: string) => boolean = () => true): SearchParam<string[]> {
  return {
    parse: (raw) => (raw ? raw.split(',').filter((item) => item !== '' && accept(item)) : []),
    serialize: (value) => (value.length ? value.join(',') : null),
  };
}

export interface SortState {
  column: string;
  direction: 'asc' | 'desc';
}

/** `name` or `-name` (descending); a column not in `columns` falls back to the default. */
export function sortParam(columns: readonly string[], fallback: SortState): SearchParam<SortState> {
  return {
    parse: (raw) => {
      if (!raw) return fallback;
      const direction = raw.startsWith('-') ? 'desc' : 'asc';
      const column = raw.replace(/^-/, '');
      return columns.includes(column) ? { column, direction } : fallback;
    },
    serialize: (value) =>
      value.column === fallback.column && value.direction === fallback.direction
        ? null
        : `${value.direction === 'desc' ? '-' : ''}${value.column}`,
  };
}

/** One query-string parameter as React state; updates replace the history entry. */
export function useSearchState<T>(key: string, param: SearchParam<T>): [T, (value: T) => void] {
  const [params, setParams] = useSearchParams();
  const value = param.parse(params.get(key));
  const setValue = useCallback(
    (next: T) => {
      setParams(
        (current) => {
          const updated = new URLSearchParams(current);
          const serialized = param.serialize(next);
          if (serialized === null) updated.delete(key);
          else updated.set(key, serialized);
          return updated;
        },
        { replace: true },
      );
    },
    [key, param, setParams],
  );
  return [value, setValue];
}
