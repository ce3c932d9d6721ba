import { useSyncExternalStore } from 'react';
import { readPalette, type ChartPalette } from '../theme';

// The chart palette as React state: re-read when the theme changes (the `data-theme`
// attribute on <html>, or the OS colour scheme while the theme follows the system).

// Read once and kept while any chart is mounted: reading it means getComputedStyle on <html>,
// which forces a style recalculation, and React asks for the snapshot on every render of every
// chart. Cleared on a theme change, and when the last chart goes (no one watched for changes).
let cached: ChartPalette | undefined;
let watchers = 0;
/** The last palette handed out: a re-read with the same colours keeps its identity (no redraw). */
let lastRead: ChartPalette | undefined;

function snapshot(): ChartPalette {
  if (cached === undefined) {
    const palette = readPalette();
    cached = lastRead && JSON.stringify(palette) === JSON.stringify(lastRead) ? lastRead : palette;
    lastRead = cached;
  }
  return cached;
}
function subscribe(onChange: () => void): () => void {
  watchers += 1;
  const changed = (): void => {
    cached = undefined;
    onChange();
  };
  const media = typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : undefined;
  media?.addEventListener('change', changed);
  const observer = new MutationObserver(changed);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'class'] });
  return () => {
    watchers -= 1;
    if (watchers === 0) cached = undefined;
    media?.removeEventListener('change', changed);
    observer.disconnect();
  };
}

export function usePalette(): ChartPalette {
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}
