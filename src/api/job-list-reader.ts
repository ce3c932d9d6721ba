// The page's side of the job-list worker (see job-list-delta.ts): one worker for all lists,
// started with the first list, and the page's own decoding where no worker can run (a browser or
// a Content-Security-Policy that refuses it, the unit tests' DOM): the same lists either way.

import { installTrustedTypesPolicy } from '../lib/trusted-types';
import type { AnswerOrigin } from './decode';
import {
  applyJobListReply,
  JobListKeeper,
  type HeldList,
  type JobListReply,
  type JobListRequest,
} from './job-list-delta';
import type { JobsOverview } from './job-list';

interface Waiting {
  readonly resolve: (reply: JobListReply) => void;
  /** The worker is gone: this list is decoded here instead. */
  readonly orHere: () => void;
}

/** The worker; null once it cannot be used (then every list is decoded here). */
let worker: Worker | null | undefined;
const waiting = new Map<number, Waiting>();
let ids = 0;
/** Each list's value as the page holds it, for the worker's changes to apply to. */
const held = new Map<string, HeldList>();
/** The page's own decoding, without a worker. */
const here = new JobListKeeper();

function theWorker(): Worker | null {
  if (worker !== undefined) return worker;
  if (typeof Worker === 'undefined') return (worker = null);
  try {
    // Under Trusted Types a worker's URL goes through the app's policy (same origin only).
    installTrustedTypesPolicy();
    worker = new Worker(new URL('./job-list-worker.ts', import.meta.url), { type: 'module', name: 'job-lists' });
  } catch {
    worker = null;
  }
  if (worker) {
    worker.onmessage = (event: MessageEvent<{ id: number; reply: JobListReply }>) => {
      const { id, reply } = event.data;
      waiting.get(id)?.resolve(reply);
      waiting.delete(id);
    };
    // A worker that cannot start (refused by a policy, say) or that failed: never asked again.
    worker.onerror = () => {
      worker?.terminate();
      worker = null;
      for (const w of waiting.values()) w.orHere();
      waiting.clear();
    };
  }
  return worker;
}

/**
 * Starts the worker now, so that it is ready (its script loaded) when the first answers come: a
 * view that will read job lists calls this when it mounts.
 */
export function startJobListWorker(): void {
  theWorker();
}

function ask(w: Worker, request: Omit<JobListRequest, 'id'>): Promise<JobListReply> {
  return new Promise((resolve) => {
    const id = (ids += 1);
    waiting.set(id, { resolve, orHere: () => resolve(here.read(request.list, request.body, request.at, null)) });
    // Bytes move to the worker (no copy): they are not read here again.
    w.postMessage({ ...request, id }, typeof request.body === 'string' ? [] : [request.body]);
  });
}

/**
 * One answer of a cluster's `GET /jobs/overview` (its body), decoded: in the worker when there is
 * one, the jobs that did not change since that cluster's last answer the same objects as then.
 * Throws the answer's FlinkApiError (not JSON, not a job list).
 */
export async function readJobList(list: string, body: string | ArrayBuffer, at: AnswerOrigin): Promise<JobsOverview> {
  const w = theWorker();
  const mine = held.get(list);
  const reply =
    w === null ? here.read(list, body, at, null) : await ask(w, { list, body, at, base: mine?.token ?? null });
  const next = applyJobListReply(mine, reply);
  if (next === undefined) {
    // Changes that do not fit what the page holds (by construction they always do): this answer
    // is lost, and the next one comes whole.
    held.delete(list);
    throw new Error(`${at.endpoint}: the job list's changes did not fit; it is read whole next time`);
  }
  held.set(list, next);
  return next.value;
}
