import { useCallback, useSyncExternalStore } from 'react';

// Light, dark, or the OS's choice. The deployment's config.json gives the default; a user's
// toggle wins and persists in this browser. Charts read the same CSS custom properties.

export type ThemeChoice = 'system' | 'light' | 'dark';
const STORAGE_KEY = 'flink-dashboard.theme';
const listeners = new Set<() => void>();
let configDefault: ThemeChoice = 'system';

function stored(): ThemeChoice | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'light' || value === 'dark' || value === 'system' ? value : null;
  } catch {
    return null;
  }
}

export function currentTheme(): ThemeChoice {
  return stored() ?? configDefault;
}

function apply(): void {
  document.documentElement.dataset.theme = currentTheme();
  listeners.forEach((l) => l());
}

/** Called once at start-up with config.json's `theme`. */
export function initTheme(defaultTheme: ThemeChoice): void {
  configDefault = defaultTheme;
  apply();
}

export function setTheme(theme: ThemeChoice): void {
  try {
    localStorage.setItem(STORAGE_KEY, theme);
  } catch {
    // storage unavailable (private mode): the choice lasts for this page only
  }
  apply();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function useTheme(): [ThemeChoice, (theme: ThemeChoice) => void] {
  const theme = useSyncExternalStore(subscribe, currentTheme, currentTheme);
  return [theme, useCallback((t: ThemeChoice) => setTheme(t), [])];
}
