// Runs before every test file (vite.config.ts, test.setupFiles): each test starts from the same
// state and leaves nothing behind, so test files only set up what they are about.
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import { resetApiSettings } from '../api/settings';
import { resetRefreshStore } from '../refresh/store';

// Files that run in Node (`// @vitest-environment node`, e.g. e2e/support's tests) have no storage.
function clearStorage(): void {
  if (typeof localStorage !== 'undefined') localStorage.clear();
}

beforeEach(() => {
  // The refresh store reads the user's stored interval at reset: clear storage first.
  clearStorage();
  resetRefreshStore();
});

afterEach(() => {
  // Vitest runs without globals, so Testing Library cannot unmount on its own.
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  vi.useRealTimers();
  resetApiSettings();
  clearStorage();
});
