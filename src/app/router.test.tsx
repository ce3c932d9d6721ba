import { afterEach, describe, expect, it } from 'vitest';
import { JOB_MANAGER_TABS, JOB_TABS, TASK_MANAGER_TABS, VERTEX_TABS } from '../lib/paths';
import { createAppRouter } from './router';

const JOB = '52b55582369c4b745bdd71ecba17202d';
const VERTEX = '215c924c8a7d97259d4dcf322e423bde';

const TABBED_PAGE_IDS = ['job', 'vertex', 'task-manager', 'job-manager'];

let router: ReturnType<typeof createAppRouter> | undefined;

/** One router at a time: hash routers share the window's location. */
function disposeRouter(): void {
  router?.dispose();
  router = undefined;
  // Without a hashchange event, which a new router would take for a navigation of its own.
  window.history.replaceState(null, '', '#/');
}

afterEach(disposeRouter);

/** Where the app's router lands for a URL: the page's route id, the tab shown, the params. */
async function land(
  path: string,
): Promise<{ page: string | undefined; tab: unknown; params: Record<string, string | undefined> }> {
  disposeRouter();
  router = createAppRouter();
  await router.navigate(path);
  const { matches } = router.state;
  const last = matches.at(-1);
  const handle = last?.route.handle as { tab?: unknown } | undefined;
  const page = matches.find((m) => TABBED_PAGE_IDS.includes(m.route.id))?.route.id;
  return { page, tab: handle?.tab, params: last?.params ?? {} };
}

describe('the app router', () => {
  it('opens every tab of every tabbed page at its own URL', async () => {
    for (const tab of JOB_TABS) expect(await land(`/jobs/${JOB}/${tab}`)).toMatchObject({ page: 'job', tab });
    for (const tab of VERTEX_TABS)
      expect(await land(`/jobs/${JOB}/vertices/${VERTEX}/${tab}`)).toMatchObject({ page: 'vertex', tab });
    for (const tab of TASK_MANAGER_TABS)
      expect(await land(`/taskmanagers/tm-1/${tab}`)).toMatchObject({ page: 'task-manager', tab });
    for (const tab of JOB_MANAGER_TABS)
      expect(await land(`/jobmanager/${tab}`)).toMatchObject({ page: 'job-manager', tab });
  });

  it('opens the first tab at the page URL and for an unknown tab', async () => {
    expect(await land(`/jobs/${JOB}`)).toMatchObject({ page: 'job', tab: 'graph' });
    expect(await land(`/jobs/${JOB}/nope`)).toMatchObject({ page: 'job', tab: 'graph' });
    expect(await land(`/jobs/${JOB}/vertices`)).toMatchObject({ page: 'job', tab: 'graph' });
    expect(await land(`/jobs/${JOB}/vertices/${VERTEX}/nope`)).toMatchObject({ page: 'vertex', tab: 'subtasks' });
    expect(await land('/taskmanagers/tm-1')).toMatchObject({ page: 'task-manager', tab: 'metrics' });
    expect(await land('/jobmanager')).toMatchObject({ page: 'job-manager', tab: 'configuration' });
  });

  it('shows a checkpoint inside the checkpoints view', async () => {
    expect(await land(`/jobs/${JOB}/checkpoints/17`)).toMatchObject({
      page: 'job',
      tab: 'checkpoints',
      params: { checkpointId: '17' },
    });
  });

  it('still answers "not found" below a tab', async () => {
    expect(await land(`/jobs/${JOB}/graph/extra/more`)).toMatchObject({ page: undefined, tab: undefined });
  });
});

describe("a cluster's router (several clusters)", () => {
  it('opens the tabbed pages inside its basename, from the links the views build', async () => {
    disposeRouter();
    router = createAppRouter('/c/prod');
    await router.navigate(`/jobs/${JOB}/checkpoints`);
    expect(window.location.hash).toBe(`#/c/prod/jobs/${JOB}/checkpoints`);
    const { matches } = router.state;
    expect(matches.find((m) => TABBED_PAGE_IDS.includes(m.route.id))?.route.id).toBe('job');
    expect((matches.at(-1)?.route.handle as { tab?: unknown } | undefined)?.tab).toBe('checkpoints');
  });
});
