// @ts-check
// Synthetic inputs for the scale measurements, built from responses recorded from the running
// sandbox and scaled up: the same fields, types and shapes the JobManager sends, only more of
// them. Deterministic (a seeded generator), so every run draws the same graph.

import { prng } from '../support/prng.mjs';

/** @typedef {Record<string, unknown>} Json */

/** A 32-hex-digit id like Flink's, unique per (salt, n). @param {number} salt @param {number} n */
function hexId(salt, n) {
  return `${salt.toString(16).padStart(8, '0')}${'0'.repeat(16)}${n.toString(16).padStart(8, '0')}`;
}

/**
 * `GET /jobs/:jobid` of a job with `vertexCount` vertices and `edgeCount` edges, shaped like the
 * recorded answer for the wide demo job (same top-level fields, vertex objects and plan nodes).
 * Vertices are laid out as a layered DAG, 20 wide; every non-source vertex reads from the layer
 * before it, and further inputs are added round-robin until there are exactly `edgeCount` edges.
 * @param {any} real the recorded `GET /jobs/:jobid` of the wide job
 * @param {number} vertexCount
 * @param {number} edgeCount
 * @returns {{ body: string, name: string, vertices: number, edges: number }}
 */
export function jobGraphResponse(real, vertexCount, edgeCount) {
  const width = 20;
  /** @type {any[]} */
  const realVertices = real.vertices;
  /** @type {any[]} */
  const realNodes = real.plan.nodes;
  const template = realVertices[Math.min(1, realVertices.length - 1)];
  const planTemplate = realNodes[Math.min(1, realNodes.length - 1)];
  const rand = prng(500);
  const name = `Bench: synthetic graph (${vertexCount} vertices)`;
  /** @param {number} i */
  const layerOf = (i) => Math.floor(i / width);
  /** @param {number} layer @param {number} pos */
  const indexAt = (layer, pos) => Math.min(vertexCount - 1, layer * width + (pos % width));

  /** @type {{ id: string, num: number, exchange: string, ship_strategy: string }[][]} */
  const inputs = Array.from({ length: vertexCount }, () => []);
  let edges = 0;
  const seen = new Set();
  for (let pass = 0; edges < edgeCount && pass < 8; pass += 1) {
    for (let i = width; i < vertexCount && edges < edgeCount; i += 1) {
      const layer = layerOf(i);
      const pos = i % width;
      const from =
        pass === 0
          ? indexAt(layer - 1, pos)
          : pass === 1
            ? indexAt(layer - 1, pos + 1)
            : indexAt(Math.max(0, layer - pass + 1), pos + pass + 1);
      const key = `${from}>${i}`;
      if (from >= i || seen.has(key)) continue;
      seen.add(key);
      inputs[i]?.push({
        id: hexId(0xbe0c, from),
        num: inputs[i]?.length ?? 0,
        exchange: 'pipelined_bounded',
        ship_strategy: pass === 0 ? 'FORWARD' : pass === 1 ? 'HASH' : 'REBALANCE',
      });
      edges += 1;
    }
  }

  const vertices = [];
  const nodes = [];
  for (let i = 0; i < vertexCount; i += 1) {
    const id = hexId(0xbe0c, i);
    const source = i < width;
    const vname = source ? `Source: Wide source ${i}` : `Stage ${i}`;
    const busy = Math.round(rand() * 1000);
    vertices.push({
      ...template,
      id,
      name: vname,
      parallelism: 1 + (i % 4),
      metrics: {
        ...template.metrics,
        'read-bytes': source ? 0 : Math.round(rand() * 1e9),
        'write-bytes': Math.round(rand() * 1e9),
        'read-records': source ? 0 : Math.round(rand() * 1e7),
        'write-records': Math.round(rand() * 1e7),
        'accumulated-backpressured-time': Math.round(rand() * 1e6),
        'accumulated-idle-time': Math.round(rand() * 1e6),
        'accumulated-busy-time': busy * 1000,
      },
    });
    nodes.push({
      ...planTemplate,
      id,
      parallelism: 1 + (i % 4),
      description: `${vname.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}<br/>`,
      ...(source ? { inputs: undefined } : { inputs: inputs[i] }),
    });
  }
  const statusCounts = Object.fromEntries(Object.keys(real['status-counts'] ?? {}).map((k) => [k, 0]));
  statusCounts.RUNNING = vertexCount;
  const body = JSON.stringify({
    ...real,
    name,
    vertices,
    'status-counts': statusCounts,
    plan: { ...real.plan, name, nodes },
  });
  return { body, name, vertices: vertexCount, edges };
}

/**
 * `GET /jobs/:jobid/vertices/:vertexid/flamegraph` with `frameCount` frames below the root, shaped
 * like the recorded sample: stack samples (root -> Thread.run -> ... -> leaf) merged into a tree,
 * every node with `name`, `value` (samples through it) and `children`, as Flink sends them.
 * Names are the recorded frame names plus frames named like them.
 * @param {any} realData the recorded answer's `data` (the root node)
 * @param {number} frameCount
 * @returns {{ body: string, frames: number, samples: number, depth: number }}
 */
export function flameGraphResponse(realData, frameCount) {
  /** @type {string[]} */
  const realNames = [];
  /** @type {string[]} */
  const trunk = [];
  /** @param {any} node @param {boolean} onTrunk */
  const walk = (node, onTrunk) => {
    for (const [i, child] of (node.children ?? []).entries()) {
      realNames.push(String(child.name));
      const stay = onTrunk && i === 0 && trunk.length < 6;
      if (stay) trunk.push(String(child.name));
      walk(child, stay);
    }
  };
  walk(realData, true);
  const packages = [
    'org.apache.flink.streaming.runtime.tasks',
    'org.apache.flink.runtime.io.network',
    'org.apache.flink.streaming.api.operators',
    'java.util.concurrent',
    'org.apache.flink.runtime.state',
  ];
  const classes = [
    'StreamTask',
    'MailboxProcessor',
    'RecordWriter',
    'KeyedProcessOperator',
    'ThreadPoolExecutor',
    'HeapKeyedStateBackend',
    'SerializationDelegate',
    'InputGate',
  ];
  const methods = [
    'processInput',
    'runMailboxLoop',
    'emit',
    'processElement',
    'runWorker',
    'get',
    'serialize',
    'pollNext',
  ];
  const pool = [...new Set(realNames)];
  for (let i = 0; pool.length < 400; i += 1) {
    pool.push(
      `${packages[i % packages.length]}.${classes[(i * 3) % classes.length]}.${methods[(i * 5) % methods.length]}:${100 + ((i * 37) % 900)}`,
    );
  }

  /** @typedef {{ name: string, value: number, children: Map<string, Node> }} Node */
  /** @type {Node} */
  const root = { name: 'root', value: 0, children: new Map() };
  const rand = prng(50_000);
  let frames = 0;
  let samples = 0;
  let depth = 0;
  while (frames < frameCount) {
    samples += 1;
    root.value += 1;
    let node = root;
    const stackDepth = 18 + Math.floor(rand() * 40);
    for (let d = 0; d < stackDepth; d += 1) {
      let name;
      if (d < trunk.length) name = trunk[d] ?? 'java.lang.Thread.run:840';
      else {
        // Mostly the common path, sometimes one of a few others: a realistic fan-out.
        const r = rand();
        const choice = r < 0.75 ? 0 : r < 0.9 ? 1 : r < 0.97 ? 2 : 3 + Math.floor(rand() * 5);
        name = pool[(d * 31 + choice * 7 + node.name.length) % pool.length] ?? 'frame';
      }
      let child = node.children.get(name);
      if (!child) {
        if (frames >= frameCount) break;
        child = { name, value: 0, children: new Map() };
        node.children.set(name, child);
        frames += 1;
      }
      child.value += 1;
      node = child;
      depth = Math.max(depth, d + 1);
    }
  }
  /** @param {Node} n @returns {Json} */
  const toJson = (n) => ({ name: n.name, value: n.value, children: [...n.children.values()].map(toJson) });
  const body = JSON.stringify({ endTimestamp: Date.now(), data: toJson(root) });
  return { body, frames, samples, depth };
}

/**
 * `GET /jobs/:jobid/checkpoints` with `count` entries in `history`, shaped like the recorded
 * answer (its template entries, counts, summary and latest), with varied durations and sizes and
 * every 25th checkpoint failed.
 * @param {any} real the recorded `GET /jobs/:jobid/checkpoints`
 * @param {number} count
 * @returns {{ body: string, entries: number }}
 */
export function checkpointsResponse(real, count) {
  /** @type {any[]} */
  const history = real.history ?? [];
  const template = history.find((h) => h.className === 'completed') ?? history[0];
  if (!template) throw new Error('the recorded checkpoint statistics have no history to scale up');
  const rand = prng(1000);
  const newest = Number(template.id) || count;
  const firstId = Math.max(count, newest);
  const now = Date.now();
  const entries = [];
  let failed = 0;
  for (let i = 0; i < count; i += 1) {
    const id = firstId - i;
    const trigger = now - i * 5000;
    const duration = Math.round(5 + rand() * 200 + (i % 50 === 7 ? 4000 : 0));
    const size = Math.round(10_000 + rand() * 40_000 + i * 10);
    const base = {
      ...template,
      id,
      trigger_timestamp: trigger,
      latest_ack_timestamp: trigger + duration,
      end_to_end_duration: duration,
      checkpointed_size: size,
      state_size: size * 3,
      tasks: {},
    };
    if (i % 25 === 24) {
      failed += 1;
      const rest = { ...base };
      delete rest.external_path;
      delete rest.discarded;
      entries.push({
        ...rest,
        className: 'failed',
        status: 'FAILED',
        failure_timestamp: trigger + duration,
        failure_message: 'Checkpoint expired before completing.',
      });
    } else {
      entries.push({
        ...base,
        className: 'completed',
        status: 'COMPLETED',
        external_path: `${String(template.external_path ?? 'file:/tmp/chk')}-${id}`,
        discarded: i > 0,
      });
    }
  }
  const body = JSON.stringify({
    ...real,
    counts: { ...real.counts, total: count, completed: count - failed, failed, in_progress: 0 },
    latest: {
      ...real.latest,
      completed: entries.find((e) => e.className === 'completed') ?? null,
      failed: entries.find((e) => e.className === 'failed') ?? null,
    },
    history: entries,
  });
  return { body, entries: count };
}

/**
 * A log file of at least `bytes` characters: the recorded JobManager log repeated line by line.
 * @param {string} realLog
 * @param {number} bytes
 * @returns {{ body: string, lines: number }}
 */
export function logResponse(realLog, bytes) {
  const source = realLog.endsWith('\n') ? realLog : `${realLog}\n`;
  if (source.length < 2) throw new Error('the recorded log is empty');
  const parts = [];
  let length = 0;
  while (length < bytes) {
    const take = source.slice(0, Math.min(source.length, bytes - length));
    const cut = take.length < source.length ? take.lastIndexOf('\n') + 1 || take.length : take.length;
    const piece = take.slice(0, cut);
    parts.push(piece);
    length += piece.length;
    if (piece.length === 0) break;
  }
  const body = parts.join('');
  let lines = 0;
  for (let i = body.indexOf('\n'); i !== -1; i = body.indexOf('\n', i + 1)) lines += 1;
  return { body, lines };
}

// ---- a cluster 100 times the sandbox (issue 17; used by synthetic-fleet.mjs) --------------------
// Every generator takes `tick` (how many times this answer was asked for): counters, durations
// and timestamps move with it, so a refresh brings new values as a live cluster's would.

/** @param {number} n */
const fleetJobId = (n) => hexId(0xf1ee7, n);
/** A task manager id shaped like Flink's (`<host>:<port>-<6 hex>`). @param {number} n */
export const fleetTaskManagerId = (n) =>
  `10.0.${Math.floor(n / 250)}.${(n % 250) + 1}:${40_000 + n}-${(0xa00000 + n * 97).toString(16).slice(-6)}`;

/**
 * `GET /jobs/overview` with `count` jobs, the first `running` of them RUNNING (ids from
 * `runningIds` first, so real jobs can lead), the rest FINISHED, CANCELED or FAILED. Between two
 * ticks the running jobs' durations grow and one running job has a new `last-modification`.
 * @param {any} real the recorded `GET /jobs/overview` @param {number} count @param {number} running
 * @param {number} tick @param {string[]} [runningIds]
 * @param {number} [at] the time start times count back from: fixed, start times stay put across
 *   answers (as Flink's do), which matters when several clusters' jobs are sorted together
 * @returns {{ body: string, ids: string[], running: string[] }}
 */
export function jobsOverviewResponse(real, count, running, tick, runningIds = [], at = Date.now()) {
  /** @type {any[]} */
  const jobs = real.jobs ?? [];
  const liveTemplate = jobs.find((j) => j.state === 'RUNNING') ?? jobs[0];
  const doneTemplate = jobs.find((j) => j.state === 'FINISHED' || j.state === 'CANCELED') ?? liveTemplate;
  if (!liveTemplate) throw new Error('the recorded job list is empty');
  const rand = prng(1000 + count);
  const now = at;
  const ended = ['FINISHED', 'CANCELED', 'FAILED'];
  const out = [];
  const ids = [];
  for (let i = 0; i < count; i += 1) {
    const live = i < running;
    const jid = (live ? runningIds[i] : undefined) ?? fleetJobId(i);
    ids.push(jid);
    const start = now - Math.round(3_600_000 + rand() * 86_400_000 * 3) - (live ? 0 : 86_400_000);
    const total = 2 + Math.floor(rand() * 60);
    const state = live ? 'RUNNING' : (ended[i % 3] ?? 'FINISHED');
    const end = live ? -1 : start + Math.round(rand() * 3_600_000);
    const tasks = Object.fromEntries(Object.keys(liveTemplate.tasks ?? {}).map((k) => [k, 0]));
    tasks.total = total;
    tasks[live ? 'running' : state === 'FINISHED' ? 'finished' : state === 'FAILED' ? 'failed' : 'canceled'] = total;
    out.push({
      ...(live ? liveTemplate : doneTemplate),
      jid,
      name: `Fleet ${live ? 'pipeline' : 'batch'} ${i}: ${['orders', 'payments', 'clicks', 'sessions', 'fraud'][i % 5]} (team ${i % 37})`,
      'start-time': start,
      'end-time': end,
      duration: live ? now + tick * 1000 - start : end - start,
      state,
      // As Flink's: a running job's last state change, not the answer's time (only its duration
      // grows); one running job a tick changed state since the last answer (a restart, say).
      'last-modification': live && i === tick % running ? now + tick * 1000 : live ? start + 5_000 : end,
      tasks,
    });
  }
  return { body: JSON.stringify({ ...real, jobs: out }), ids, running: ids.slice(0, running) };
}

/**
 * `GET /taskmanagers` with `count` task managers shaped like the recorded ones.
 * @param {any} real @param {number} count @param {number} tick
 */
export function taskManagersResponse(real, count, tick) {
  /** @type {any[]} */
  const list = real.taskmanagers ?? [];
  const template = list[0];
  if (!template) throw new Error('the recorded task manager list is empty');
  const rand = prng(200 + tick);
  const taskmanagers = [];
  for (let i = 0; i < count; i += 1) {
    const free = Math.floor(rand() * (template.slotsNumber + 1));
    taskmanagers.push({
      ...template,
      id: fleetTaskManagerId(i),
      path: `pekko.tcp://flink@${fleetTaskManagerId(i).split(':')[0]}:${6122}/user/rpc/taskmanager_0`,
      dataPort: 30_000 + i,
      timeSinceLastHeartbeat: Date.now() - Math.round(rand() * 5000),
      freeSlots: free,
      assignedTasks: Math.round(rand() * 200),
      hardware: { ...template.hardware, freeMemory: Math.round(rand() * template.hardware.physicalMemory) },
    });
  }
  return { body: JSON.stringify({ ...real, taskmanagers }) };
}

/**
 * `GET /jobs/:jobid/vertices/:vertexid` with `parallelism` subtasks on the fleet's task managers.
 * @param {any} real the recorded vertex details @param {number} parallelism @param {number} taskManagers
 * @param {number} tick
 */
export function vertexDetailsResponse(real, parallelism, taskManagers, tick) {
  const template = real.subtasks?.[0];
  if (!template) throw new Error('the recorded vertex has no subtasks');
  const rand = prng(5000);
  const now = Date.now() + tick * 1000;
  const subtasks = [];
  for (let i = 0; i < parallelism; i += 1) {
    const tm = i % Math.max(1, taskManagers);
    const start = now - 3_600_000 - Math.round(rand() * 60_000) - tick * 1000;
    const duration = now - start;
    const busy = Math.round(duration * (i === 4321 % parallelism ? 0.9 : rand() * 0.3));
    const bp = Math.round((duration - busy) * rand() * 0.2);
    const rate = 10 + Math.round(rand() * 100);
    subtasks.push({
      ...template,
      subtask: i,
      status: 'RUNNING',
      attempt: i % 997 === 13 ? 1 : 0,
      endpoint: `${fleetTaskManagerId(tm).split(':')[0]}:${30_000 + tm}`,
      'taskmanager-id': fleetTaskManagerId(tm),
      'start-time': start,
      start_time: start,
      duration,
      metrics: {
        ...template.metrics,
        'read-bytes': rate * 128 * (duration / 1000),
        'write-bytes': rate * 120 * (duration / 1000),
        'read-records': Math.round(rate * (duration / 1000)),
        'write-records': Math.round(rate * (duration / 1000)),
        'accumulated-backpressured-time': bp,
        'accumulated-idle-time': duration - busy - bp,
        'accumulated-busy-time': busy,
      },
      'status-duration': { ...template['status-duration'], RUNNING: duration },
    });
  }
  return { body: JSON.stringify({ ...real, parallelism, maxParallelism: Math.max(parallelism, 8192), now, subtasks }) };
}

/**
 * `GET /jobs/:jobid/vertices/:vertexid/backpressure` for `parallelism` subtasks.
 * @param {any} real the recorded answer @param {number} parallelism @param {number} tick
 */
export function backPressureResponse(real, parallelism, tick) {
  const template = real.subtasks?.[0] ?? {};
  const rand = prng(7000 + tick);
  const level = (/** @type {number} */ r) => (r > 0.5 ? 'high' : r > 0.1 ? 'low' : 'ok');
  const subtasks = [];
  for (let i = 0; i < parallelism; i += 1) {
    const ratio = i % 50 === 0 ? 0.6 + rand() * 0.4 : rand() * 0.12;
    const busy = Math.round((1 - ratio) * rand() * 1000) / 1000;
    subtasks.push({
      ...template,
      subtask: i,
      backpressureLevel: level(ratio),
      'backpressure-level': level(ratio),
      ratio: Math.round(ratio * 1000) / 1000,
      idleRatio: Math.round((1 - ratio - busy) * 1000) / 1000,
      busyRatio: busy,
    });
  }
  return {
    body: JSON.stringify({
      ...real,
      status: 'ok',
      backpressureLevel: 'high',
      'backpressure-level': 'high',
      'end-timestamp': Date.now(),
      subtasks,
    }),
  };
}

/**
 * `GET /jobs/:jobid/vertices/:vertexid/watermarks`: `[{ id: "<n>.currentInputWatermark", value }]`,
 * a few subtasks lagging and a few with none yet (Long.MIN_VALUE), as Flink sends it.
 * @param {number} parallelism @param {number} tick @param {number} [salt]
 */
export function watermarksResponse(parallelism, tick, salt = 0) {
  const rand = prng(9000 + salt);
  const now = Date.now() + tick * 1000;
  const out = [];
  for (let i = 0; i < parallelism; i += 1) {
    const value =
      i % 613 === 5
        ? '-9223372036854775808'
        : String(now - 2000 - Math.round(rand() * (i % 40 === 0 ? 600_000 : 5000)));
    out.push({ id: `${i}.currentInputWatermark`, value });
  }
  return { body: JSON.stringify(out) };
}

/**
 * A metrics answer for the ids asked for (`?get=a,b`): `[{ id, value }]`, or with `agg` the
 * aggregated shape `[{ id, min, max, ... }]`.
 * @param {string[]} ids @param {string[]} agg @param {number} tick
 */
export function metricValuesResponse(ids, agg, tick) {
  const rand = prng(ids.length + tick);
  const value = (/** @type {string} */ id) => {
    if (/Watermark/i.test(id)) return Date.now() - 3000 - Math.round(rand() * 4000);
    if (/Heap\.Max/.test(id)) return 469_762_048;
    if (/Heap\.Used/.test(id)) return Math.round(100_000_000 + rand() * 300_000_000);
    if (/CPU\.Load/.test(id)) return Math.round(rand() * 1000) / 1000;
    return Math.round(rand() * 1000 * 100) / 100;
  };
  const body =
    agg.length > 0
      ? ids.map((id) => Object.fromEntries([['id', id], ...agg.map((a) => [a, value(id)])]))
      : ids.map((id) => ({ id, value: String(value(id)) }));
  return { body: JSON.stringify(body) };
}

/**
 * `GET /jobs/:jobid/exceptions` with `count` root exceptions, each with a long trace (about
 * `frames` frames, two "Caused by" sections) and a few concurrent exceptions, shaped like the
 * recorded history.
 * @param {any} real the recorded answer @param {number} count @param {number} frames
 */
export function exceptionsResponse(real, count, frames) {
  /** @type {any[]} */
  const recorded = real.exceptionHistory?.entries ?? [];
  const template = recorded[0];
  if (!template) throw new Error('the recorded exception history is empty');
  const realFrames = String(template.stacktrace)
    .split('\n')
    .filter((l) => l.startsWith('\tat '));
  const trace = (/** @type {number} */ n, /** @type {string} */ head) => {
    const lines = [head];
    for (let f = 0; f < frames; f += 1) {
      const cause = f === Math.floor(frames / 3) || f === Math.floor((2 * frames) / 3);
      if (cause) lines.push(`Caused by: java.io.IOException: Connection reset by peer (attempt ${n}, level ${f})`);
      lines.push(
        realFrames[(f + n) % Math.max(1, realFrames.length)] ?? `\tat dev.example.Frame${f}.run(Frame.java:${f})`,
      );
    }
    if (frames > 40) lines.push(`\t... ${frames} more`);
    return `${lines.join('\n')}\n`;
  };
  const now = Date.now();
  const names = ['java.lang.IllegalStateException', 'java.io.IOException', 'java.util.concurrent.TimeoutException'];
  const entries = [];
  for (let i = 0; i < count; i += 1) {
    const name = names[i % names.length] ?? 'java.lang.RuntimeException';
    entries.push({
      ...template,
      exceptionName: name,
      stacktrace: trace(i, `${name}: Simulated failure #${i} on record ${i * 7919}`),
      timestamp: now - i * 60_000,
      taskName: `Stage ${i % 300} (${(i % 5000) + 1}/5000) - execution #${i}`,
      endpoint: `${fleetTaskManagerId(i % 200).split(':')[0]}:${30_000 + (i % 200)}`,
      taskManagerId: fleetTaskManagerId(i % 200),
      failureLabels: i % 4 === 0 ? { type: 'USER' } : {},
      concurrentExceptions: Array.from({ length: i % 3 }, (_, c) => ({
        ...template,
        exceptionName: name,
        stacktrace: trace(i + c + 1, `${name}: concurrent failure ${c} of #${i}`),
        timestamp: now - i * 60_000 + c,
        taskName: `Stage ${(i + c + 1) % 300} - execution #${i}`,
        concurrentExceptions: undefined,
      })),
    });
  }
  return { body: JSON.stringify({ ...real, exceptionHistory: { entries, truncated: false } }) };
}
