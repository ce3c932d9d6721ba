import { fireEvent, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { Route, Routes, useParams } from 'react-router-dom';
import * as v from 'valibot';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { JobDetailsSchema, type JobDetails } from '../../api/jobs';
import { configureApi } from '../../api/settings';
import { fixture, responseFrom, stubFetch } from '../../api/test-utils';
import { renderWithProviders } from '../../components/testing/render-with-api';
import { routes } from '../../lib/paths';
import bp1 from './fixtures/backpressure-details-1.json';
import bp2 from './fixtures/backpressure-details-2.json';
import hostile from './fixtures/hostile-details.json';
import wide from './fixtures/wide-details.json';
import { JobGraphView } from './JobGraphView';

const details = (json: unknown): JobDetails => v.parse(JobDetailsSchema, json);

function VertexStub(): ReactNode {
  return <p>vertex page {useParams().vertexId}</p>;
}

function tree(d: JobDetails): ReactNode {
  return (
    <Routes>
      <Route path={`${routes.job}/:tab`} element={<JobGraphView jobId={d.jid} details={d} receivedAt={1} />} />
      <Route path={routes.vertex} element={<VertexStub />} />
    </Routes>
  );
}

function renderGraph(initial: JobDetails, search = '') {
  const view = renderWithProviders(tree(initial), `/jobs/${initial.jid}/graph${search}`);
  return { ...view, update: (next: JobDetails): void => view.rerender(tree(next)) };
}

const scrolled: Element[] = [];
afterEach(() => {
  scrolled.length = 0;
  delete (Element.prototype as Partial<Element>).scrollIntoView;
});

beforeEach(() => {
  // jsdom has no layout and no scrollIntoView: record which element was asked to scroll.
  Element.prototype.scrollIntoView = vi.fn(function (this: Element) {
    scrolled.push(this);
  });
  configureApi({ baseUrl: 'http://127.0.0.1:8081/' });
  // Only GET /config is expected: jsdom has no layout, so no vertex is on screen and no
  // watermark is asked for.
  stubFetch((url) => {
    if (new URL(url).pathname === '/config') return responseFrom(fixture('flink-2.3.0/config'));
    throw new Error(`unexpected request ${url}`);
  });
});

describe('JobGraphView', () => {
  it('draws every vertex of the wide job as a link named after it, and every ship strategy', () => {
    const { container } = renderGraph(details(wide));
    const graph = screen.getByRole('group', { name: 'Job graph: 44 vertices' });
    const nodes = within(graph).getAllByRole('link');
    expect(nodes).toHaveLength(44);
    expect(nodes.some((n) => n.getAttribute('aria-label')?.startsWith('Stage 17: '))).toBe(true);
    expect(container.querySelectorAll('.jg-edge-label')).toHaveLength(44);
    expect(screen.getByRole('button', { name: 'Fit to screen' })).toBeTruthy();
    expect(screen.getByRole('list', { name: 'Legend' }).textContent).toContain('Back-pressured ≥ 50%');
    // 44 nodes and the 44-row vertex table under them: slow in jsdom on a busy machine.
  }, 30_000);

  it('colours the back-pressured source and the busy operator from two successive answers', () => {
    const first = details(bp1);
    const { update } = renderGraph(first);
    const source = (): HTMLElement =>
      screen.getByRole('link', { name: /^Source: Fast event source -> Build payload: / });
    const slow = (): HTMLElement => screen.getByRole('link', { name: /^Slow enrichment: / });
    expect(source().getAttribute('aria-label')).toBe('Source: Fast event source -> Build payload: no rates yet');
    expect(source().textContent).toContain('busy – · back-pressured –');

    update(details(bp2));
    expect(source().getAttribute('aria-label')).toBe(
      'Source: Fast event source -> Build payload: busy 0%, back-pressured 100%',
    );
    expect(source().getAttribute('class')).toContain('jg-tone-bad');
    expect(slow().getAttribute('class')).toContain('jg-tone-warn');
    expect(slow().textContent).toContain('in 196/s · out 196/s');
  });

  it('keeps hostile operator names as text: nothing they contain becomes an element', () => {
    const { container } = renderGraph(details(hostile));
    const img = screen.getByRole('link', { name: /^<img src=x onerror=alert\('xss-img'\)>: / });
    expect(img.querySelector('title')?.textContent).toBe("<img src=x onerror=alert('xss-img')>");
    expect(container.querySelector('img, script, details, b')).toBeNull();
    // The graph's node (the vertex table under the graph links the same name).
    const graph = screen.getByRole('group', { name: /^Job graph: / });
    const long = within(graph).getByRole('link', { name: /^LONG<b>:0000/ });
    expect(long.querySelector('.jg-node-name')?.textContent).toBe('LONG<b>:0000-abcdefghijklm…');
  });

  it('opens the vertex on click, through the router', async () => {
    const d = details(bp1);
    renderGraph(d);
    const slowId = d.vertices.find((vx) => vx.name === 'Slow enrichment')?.id ?? '';
    const slow = screen.getByRole('link', { name: /^Slow enrichment: / });
    expect(slow.getAttribute('href')).toBe(`/jobs/${d.jid}/vertices/${slowId}`);
    fireEvent.click(slow);
    expect(await screen.findByText(`vertex page ${slowId}`)).toBeTruthy();
  });

  it('the vertex table under the graph: a row per vertex, names as text, marked together with the graph', () => {
    const d = details(hostile);
    const { container } = renderGraph(d);
    const table = screen.getByRole('table', { name: `Vertices of the job (${d.vertices.length})` });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(d.vertices.length);
    expect(container.querySelector('img, script, details, b')).toBeNull();
    const first = d.vertices[0];
    if (!first) throw new Error('fixture changed');
    const row = within(table).getByRole('rowheader', { name: first.name }).closest('tr');
    if (!row) throw new Error('no row');
    const node = container.querySelector(`.jg-node[data-vertex-id="${first.id}"]`);
    expect(node?.getAttribute('aria-current')).toBeNull();

    // Hovering the row marks its node; leaving lets go.
    fireEvent.mouseOver(row);
    expect(node?.getAttribute('aria-current')).toBe('true');
    expect(node?.getAttribute('class')).toContain('jg-selected');
    fireEvent.mouseLeave(table.closest('section') ?? table);
    expect(node?.getAttribute('aria-current')).toBeNull();

    // Hovering the node marks its row.
    if (!node) throw new Error('no node');
    fireEvent.mouseEnter(node);
    expect(row.className).toContain('vt-highlighted');
    expect(within(row).getByRole('link', { name: first.name }).getAttribute('aria-current')).toBe('true');
    fireEvent.mouseLeave(node);
    expect(row.className).not.toContain('vt-highlighted');

    // Clicking the row (not its link) picks it: it stays marked in both.
    fireEvent.click(within(row).getAllByRole('cell')[0] ?? row);
    expect(row.className).toContain('vt-highlighted');
    expect(node.getAttribute('aria-current')).toBe('true');
  }, 30_000);

  describe('the vertex table follows the vertex picked in the URL', () => {
    it("scrolls the picked vertex's row into view once and marks it; a new pick scrolls to its row", () => {
      const d = details(wide);
      const last = d.vertices.at(-1);
      const other = d.vertices[3];
      if (!last || !other) throw new Error('fixture changed');
      const { update } = renderGraph(d, `?vertex=${last.id}`);
      const table = screen.getByRole('table', { name: `Vertices of the job (${d.vertices.length})` });
      const rowOf = (name: string) => within(table).getByRole('rowheader', { name }).closest('tr');
      expect(scrolled).toEqual([rowOf(last.name)]);
      expect(rowOf(last.name)?.className).toContain('vt-selected');
      expect(within(rowOf(last.name) ?? table).getByText('(picked)')).toBeTruthy();
      // The graph marks the same vertex.
      const node = document.querySelector(`.jg-node[data-vertex-id="${last.id}"]`);
      expect(node?.getAttribute('aria-current')).toBe('true');

      // A refresh does not scroll again.
      update(details(wide));
      expect(scrolled).toHaveLength(1);

      // Another pick (a click on its row) scrolls to that row and moves the mark.
      fireEvent.click(within(rowOf(other.name) ?? table).getAllByRole('cell')[0] ?? table);
      expect(scrolled).toEqual([rowOf(last.name), rowOf(other.name)]);
      expect(rowOf(other.name)?.className).toContain('vt-selected');
      expect(rowOf(last.name)?.className ?? '').not.toContain('vt-selected');
    }, 30_000);
  });
});
