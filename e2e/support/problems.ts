import type { Page } from '@playwright/test';

/**
 * Collects what must never happen on a page: uncaught errors (`pageerror`) and dialogs (an
 * `alert()` from injected markup would open one; it is dismissed so the test goes on).
 */
export function watchForProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  return problems;
}
