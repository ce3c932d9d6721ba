// @ts-check
/* global window, document, requestAnimationFrame, HTMLCanvasElement */
// The in-page half of the benchmark, installed with `addInitScript` before any page script runs.
// Conditions ("the first running job's name is visible", "44 nodes are in the graph") are checked
// once per animation frame, so both dashboards are observed the same way and neither pays for a
// MutationObserver. A condition met in frame N is stamped twice: `name` at that frame's
// requestAnimationFrame callback (the DOM that frame paints), and `name:painted` from a task
// posted in that callback, which runs once the frame has been rendered. Times are
// `performance.now()`: milliseconds since the document's navigation started.

/**
 * @typedef {'ours-overview' | 'theirs-overview' | 'ours-graph' | 'theirs-graph' | 'flame-frames' | 'charts-drawn' | 'log-rows' | 'log-count' | 'css' | ScaleWatchKind} WatchKind
 * @typedef {'ours-subtasks' | 'theirs-subtasks' | 'ours-watermarks' | 'theirs-watermarks' | 'ours-backpressure' | 'theirs-backpressure'} ScaleWatchKind
 * @typedef {{ name: string, kind: WatchKind, arg: number, selector?: string, text?: string }} Watch
 * @typedef {{ watch?: Watch[] }} ProbeConfig
 * @typedef {{
 *   marks: Record<string, number>,
 *   longTasks: { start: number, duration: number }[],
 *   watch: (name: string, kind: WatchKind, arg: number, selector?: string, text?: string) => void,
 *   arm: (event: 'click' | 'input', name: string) => void,
 *   count: (kind: WatchKind) => number,
 * }} BenchApi
 */

/**
 * Installed in the page (serialised by Playwright: it must not use anything from this module).
 * @param {ProbeConfig} config
 */
export function installProbe(config) {
  /** @type {Record<string, number>} */
  const marks = {};
  /** @type {{ start: number, duration: number }[]} */
  const longTasks = [];
  /** @type {Watch[]} */
  const pending = [];
  /** @type {Partial<Record<'click' | 'input', string>>} */
  const armed = {};
  let looping = false;

  /** @param {Element | null | undefined} el */
  const visible = (el) => {
    if (!el) return false;
    const rect = el.getBoundingClientRect();
    if (rect.width <= 0 || rect.height <= 0) return false;
    return typeof el.checkVisibility === 'function'
      ? el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })
      : true;
  };
  /** @param {HTMLCanvasElement} canvas */
  const drawn = (canvas) => {
    if (canvas.width === 0 || canvas.height === 0) return false;
    const ctx = canvas.getContext('2d');
    if (!ctx) return false;
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    for (let i = 3; i < data.length; i += 64) if (data[i] !== 0) return true;
    return false;
  };
  /** @param {string} caption */
  const ourTable = (caption) =>
    [...document.querySelectorAll('table')].find((t) => t.caption?.textContent?.trim() === caption);
  /** @param {string} title */
  const theirCard = (title) =>
    [...document.querySelectorAll('nz-card')].find(
      (c) => c.querySelector('.ant-card-head-title')?.textContent?.trim() === title,
    );

  /**
   * Visible body rows of a table (or of every table inside an element) with text in at least two cells (a row that shows data, not a
   * "loading" or "no data" placeholder spanning the table, nor an empty measuring row).
   * @param {Element | null | undefined} table
   */
  const dataRows = (table) => {
    if (!table) return 0;
    let n = 0;
    for (const row of table.querySelectorAll('tbody tr')) {
      let filled = 0;
      for (const cell of row.querySelectorAll('th, td')) if ((cell.textContent ?? '').trim() !== '') filled += 1;
      if (filled >= 2 && visible(row)) n += 1;
    }
    return n;
  };

  /** Flink's UI: one tab of the vertex drawer (its component's element; its tables have a separate header table). @param {string} tag */
  const theirDrawerTable = (tag) => document.querySelector(tag);

  /** @type {Record<WatchKind, (arg: number, w?: Watch) => number>} how many of the things the condition counts are there */
  const counters = {
    'ours-overview': () => {
      const link = ourTable('Running jobs')?.querySelector('tbody tr th.job-name a');
      return link && (link.textContent ?? '').trim() !== '' && visible(link) ? 1 : 0;
    },
    'theirs-overview': () => {
      const card = theirCard('Running Application List') ?? theirCard('Running Job List');
      const cell = card?.querySelector('tbody tr.ant-table-row td');
      return cell && (cell.textContent ?? '').trim() !== '' && visible(cell) ? 1 : 0;
    },
    'ours-graph': () => {
      const svg = document.querySelector('svg.jg-svg');
      return svg && visible(svg) ? svg.querySelectorAll('a.jg-node').length : 0;
    },
    'theirs-graph': () => {
      const node = document.querySelector('svg g.node');
      const svg = node?.closest('svg');
      return svg && visible(svg) ? svg.querySelectorAll('g.node').length : 0;
    },
    'flame-frames': () => {
      const svg = document.querySelector('.flame-graph svg');
      return svg && visible(svg) ? svg.querySelectorAll('g.frame').length : 0;
    },
    'charts-drawn': () => {
      let n = 0;
      for (const figure of document.querySelectorAll('.checkpoint-chart')) {
        const canvas = figure.querySelector('canvas');
        if (canvas instanceof HTMLCanvasElement && visible(canvas) && drawn(canvas)) n += 1;
      }
      return n;
    },
    'log-rows': () => {
      const line = document.querySelector('.log-lines .log-line');
      return line && visible(line) ? document.querySelectorAll('.log-lines .log-line').length : 0;
    },
    'log-count': () => (/(matches|No matches)$/.test(document.querySelector('.log-count')?.textContent ?? '') ? 1 : 0),
    // The scale views (scale-real.mjs): rows of a vertex's per-subtask table that show data.
    'ours-subtasks': () => dataRows(ourTable('Subtasks')),
    'theirs-subtasks': () => dataRows(theirDrawerTable('flink-job-overview-drawer-subtasks')),
    'ours-watermarks': () => dataRows(ourTable('Watermarks per subtask')),
    'theirs-watermarks': () => dataRows(theirDrawerTable('flink-job-overview-drawer-watermarks')),
    'ours-backpressure': () => dataRows(ourTable('Back pressure per subtask')),
    'theirs-backpressure': () => dataRows(theirDrawerTable('flink-job-overview-drawer-backpressure')),
    // Any view: the elements matching `selector` (whose text matches `text`, if given), once the first is visible.
    css: (_arg, w) => {
      const pattern = w?.text ? new RegExp(w.text) : null;
      const all = [...document.querySelectorAll(w?.selector ?? ':not(*)')].filter(
        (el) => !pattern || pattern.test(el.textContent ?? ''),
      );
      // A table's caption (often visually hidden) is matched by its text; its first row must show.
      const first = all[0];
      const shown = first?.tagName === 'CAPTION' ? first.parentElement?.querySelector('tbody tr') : first;
      return all.length > 0 && visible(shown) ? all.length : 0;
    },
  };

  /** @param {number} now */
  const frame = (now) => {
    const t = Math.max(now, performance.now());
    for (let i = pending.length - 1; i >= 0; i -= 1) {
      const w = pending[i];
      if (!w) continue;
      let met;
      try {
        met = counters[w.kind](w.arg, w) >= w.arg;
      } catch {
        met = false;
      }
      if (!met) continue;
      pending.splice(i, 1);
      marks[w.name] = t;
      const name = w.name;
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        marks[`${name}:painted`] = performance.now();
        channel.port1.close();
      };
      channel.port2.postMessage(0);
    }
    if (pending.length > 0) requestAnimationFrame(frame);
    else looping = false;
  };
  const loop = () => {
    if (looping) return;
    looping = true;
    requestAnimationFrame(frame);
  };

  /** @type {BenchApi} */
  const api = {
    marks,
    longTasks,
    watch(name, kind, arg, selector, text) {
      pending.push({ name, kind, arg, selector, text });
      loop();
    },
    arm(event, name) {
      armed[event] = name;
    },
    count(kind) {
      return counters[kind](0);
    },
  };
  for (const event of /** @type {const} */ (['click', 'input'])) {
    window.addEventListener(
      event,
      (e) => {
        const name = armed[event];
        if (name === undefined) return;
        delete armed[event];
        // The event's own time stamp counts the time it waited for a busy main thread.
        marks[name] = Math.min(e.timeStamp > 0 ? e.timeStamp : performance.now(), performance.now());
      },
      true,
    );
  }
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // no long-task timing in this engine
  }
  Object.defineProperty(window, '__bench', { value: api, configurable: false, enumerable: false });
  for (const w of config.watch ?? []) api.watch(w.name, w.kind, w.arg, w.selector, w.text);
}
