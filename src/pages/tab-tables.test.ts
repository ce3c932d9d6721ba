import { describe, expect, it } from 'vitest';
import { JOB_MANAGER_TABS, JOB_TABS, TASK_MANAGER_TABS, VERTEX_TABS } from '../lib/paths';
import type { TabTable } from '../lib/tabs';
import { JOB_MANAGER_TAB_TABLE } from './job-manager-tabs';
import { JOB_TAB_TABLE } from './job-tabs';
import { TASK_MANAGER_TAB_TABLE } from './task-manager-tabs';
import { VERTEX_TAB_TABLE } from './vertex-tabs';

const tables: [string, readonly string[], TabTable<string>][] = [
  ['job', JOB_TABS, JOB_TAB_TABLE],
  ['vertex', VERTEX_TABS, VERTEX_TAB_TABLE],
  ['task manager', TASK_MANAGER_TABS, TASK_MANAGER_TAB_TABLE],
  ['job manager', JOB_MANAGER_TABS, JOB_MANAGER_TAB_TABLE],
];

describe.each(tables)('the %s tab table', (_, ids, table) => {
  it('has one row per tab id, in link order, each with its own label', () => {
    expect(table.map((t) => t.id)).toEqual(ids);
    const labels = table.map((t) => t.label);
    expect(labels.every((l) => l.trim() !== '')).toBe(true);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('loads a component for every tab and sub-route', async () => {
    const loads = table.flatMap((t) => [t.load, ...(t.subRoutes ?? []).map((s) => s.load)]);
    for (const load of loads) expect(typeof (await load())).toBe('function');
  }, 60_000);
});
