import { fireEvent, screen, waitFor } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { isFlinkApiError } from '../../api/errors';
import { configureApi } from '../../api/settings';
import { responseFrom, stubFetch, type RecordedFixture } from '../../api/test-utils';
import { renderWithProviders } from '../../components/testing/render-with-api';
import type { ActionSpec, Confirm, TrackOperation } from '../../lib/action-ports';
import { JarsView, type JarOperationKind } from './JarsView';

const JAR = 'c423c713-fc12-4957-9c01-09a826f9dd6b_demo-jobs.jar';

function recorded(name: string): RecordedFixture {
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', `${name}.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as RecordedFixture;
}

/**
 * A stand-in for the operations store (another feature, passed in by the page): it runs the
 * operation and, like the store, turns an error into Flink's line plus its full text.
 */
const track: TrackOperation<ActionSpec<JarOperationKind>> = async (_spec, run) => {
  try {
    return await run({ progress: () => undefined, note: () => undefined });
  } catch (error) {
    if (!isFlinkApiError(error)) throw error;
    return { ok: false, message: error.flinkMessage ?? error.message, detail: error.flinkMessages.join('\n') };
  }
};

function renderView(props: Partial<Parameters<typeof JarsView>[0]> = {}) {
  const onJobStarted = vi.fn();
  const confirm: Confirm = vi.fn(() => Promise.resolve(true));
  renderWithProviders(
    <JarsView
      canSubmit
      jarsServed
      selectedJarId={JAR}
      onSelect={() => undefined}
      onJobStarted={onJobStarted}
      track={track}
      confirm={confirm}
      {...props}
    />,
  );
  return { onJobStarted, confirm };
}

beforeEach(() => {
  configureApi({ baseUrl: 'http://127.0.0.1:8081/' });
});

describe('JarsView', () => {
  it("shows Flink's message in full, pre-wrapped, when a run fails", async () => {
    stubFetch((url, init) => {
      const { pathname } = new URL(url);
      if (pathname === '/jars') return responseFrom(recorded('jars'));
      if (pathname === `/jars/${JAR}/run` && init.method === 'POST')
        return responseFrom(recorded('jar-run-unknown-entry-class'));
      throw new Error(`unexpected ${init.method ?? 'GET'} ${url}`);
    });
    const { onJobStarted } = renderView();
    fireEvent.change(await screen.findByLabelText('Entry class'), {
      target: { value: 'dev.flinkdashboard.demo.NoSuchJob' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Run job' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(
      "The program's entry point class 'dev.flinkdashboard.demo.NoSuchJob' was not found in the jar file.",
    );
    const pre = alert.querySelector('pre');
    expect(pre?.textContent).toContain('JarHandlerUtils.java');
    expect(onJobStarted).not.toHaveBeenCalled();
  });

  it('goes to the new job when the run succeeds', async () => {
    const fetchMock = stubFetch((url, init) => {
      const { pathname } = new URL(url);
      if (pathname === '/jars') return responseFrom(recorded('jars'));
      if (pathname === `/jars/${JAR}/run`)
        return new Response('{"jobid":"0123456789abcdef0123456789abcdef"}', {
          headers: { 'content-type': 'application/json' },
        });
      throw new Error(`unexpected ${init.method ?? 'GET'} ${url}`);
    });
    const { onJobStarted } = renderView();
    fireEvent.change(await screen.findByLabelText('Entry class'), {
      target: { value: 'dev.flinkdashboard.demo.CancelMeJob' },
    });
    fireEvent.change(screen.getByLabelText('Program arguments (one per line)'), { target: { value: '--a\n1' } });
    fireEvent.change(screen.getByLabelText('Parallelism'), { target: { value: '2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Run job' }));
    await waitFor(() => expect(onJobStarted).toHaveBeenCalledWith('0123456789abcdef0123456789abcdef'));
    const run = fetchMock.mock.calls.find(([u]) => typeof u === 'string' && u.endsWith('/run'));
    expect(JSON.parse(run?.[1]?.body as string)).toEqual({
      entryClass: 'dev.flinkdashboard.demo.CancelMeJob',
      programArgsList: ['--a', '1'],
      parallelism: 2,
    });
  });

  it('draws the plan and lists its vertices as text', async () => {
    stubFetch((url) => {
      const { pathname } = new URL(url);
      if (pathname === '/jars') return responseFrom(recorded('jars'));
      if (pathname === `/jars/${JAR}/plan`) return responseFrom(recorded('jar-plan-hostile'));
      throw new Error(`unexpected ${url}`);
    });
    renderView();
    fireEvent.change(await screen.findByLabelText('Entry class'), {
      target: { value: 'dev.flinkdashboard.demo.HostileNamesJob' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Show plan' }));
    await screen.findByRole('table', { name: 'Vertices of the plan' });
    expect(
      screen.getByRole('rowheader', { name: "<details open ontoggle=alert('xss-details')>: Writer" }),
    ).toBeDefined();
    expect(document.querySelector('details[ontoggle], img[onerror], script')).toBeNull();
  });

  it('lists jars without any control when it may not submit', async () => {
    stubFetch((url, init) => {
      expect(init.method ?? 'GET').toBe('GET');
      return responseFrom(recorded('jars'));
    });
    renderView({ canSubmit: false, selectedJarId: undefined });
    await screen.findByText(JAR);
    expect(screen.queryAllByRole('button').filter((b) => !b.closest('thead'))).toEqual([]);
    expect(document.querySelector('input[type=file]')).toBeNull();
  });

  it('says so when the cluster does not serve jars at all', () => {
    const fetchMock = stubFetch(() => {
      throw new Error('no request expected');
    });
    renderView({ jarsServed: false });
    expect(screen.getByText(/does not accept jars from the web/)).toBeDefined();
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
