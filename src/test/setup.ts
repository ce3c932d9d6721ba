// Runs before every test file (vite.config.ts, test.setupFiles): each test starts from the same
// state and leaves nothing behind, so test files only set up what they are about.
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import { resetApiSettings } from '../api/settings';
import { resetRefreshStore } from '../refresh/store';

beforeEach(() => {
  // The refresh store reads the user's stored interval at reset: clear storage first.
  localStorage.clear();
  resetRefreshStore();
});

afterEach(() => {
  // Vitest runs without globals, so Testing Library cannot unmount on its own.
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  vi.useRealTimers();
  resetApiSettings();
  localStorage.clear();
});
