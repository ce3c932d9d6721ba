import { useSyncExternalStore } from 'react';
import { readPalette, type ChartPalette } from '../theme';

// The chart palette as React state: re-read when the theme changes (the `data-theme`
// attribute on <html>, or the OS colour scheme while the theme follows the system).

let cached: { key: string; palette: ChartPalette } | undefined;

function snapshot(): ChartPalette {
  const palette = readPalette();
  const key = JSON.stringify(palette);
  if (cached?.key !== key) cached = { key, palette };
  return cached.palette;
}

function subscribe(onChange: () => void): () => void {
  const media = typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : undefined;
  media?.addEventListener('change', onChange);
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'class'] });
  return () => {
    media?.removeEventListener('change', onChange);
    observer.disconnect();
  };
}

export function usePalette(): ChartPalette {
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}
