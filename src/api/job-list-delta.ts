// The fleet's job lists, decoded where the main thread does not pay for it. Ten clusters of a
// thousand jobs answer 4 MB of JSON a refresh; parsing, checking and comparing them with the last
// answer cost the page more than half of a refresh's main-thread time (measured on the bench's
// 10-cluster fleet). A worker does that (job-list-worker.ts) and sends back only what changed: a
// refresh where two jobs of a cluster moved costs the page two jobs, not a thousand.
//
// Both sides keep each list's last value under a number (its token); the worker sends a change
// against the token the page says it holds, or the whole list when the page holds another.

import { FlinkApiError, type FlinkApiErrorInit } from './errors';
import { decode, parseJsonText, type AnswerOrigin } from './decode';
import { JobsOverviewSchema, keepUnchangedJobs, type JobOverview, type JobsOverview } from './job-list';

/** A list as one side holds it. */
export interface HeldList {
  readonly token: number;
  readonly value: JobsOverview;
}

/** What the worker answers for one list's new text. */
export type JobListReply =
  | { readonly kind: 'same'; readonly token: number }
  | { readonly kind: 'full'; readonly token: number; readonly value: JobsOverview }
  | {
      readonly kind: 'changes';
      readonly token: number;
      /** The jobs new or changed since the page's token. */
      readonly changed: readonly JobOverview[];
      /** Every job's id, in the answer's order. */
      readonly order: readonly string[];
      /** The answer's other fields. */
      readonly rest: Readonly<Record<string, unknown>>;
    }
  | { readonly kind: 'error'; readonly error: FlinkApiErrorInit };

/** What the page asks of the worker. */
export interface JobListRequest {
  readonly id: number;
  /** Which list (a cluster's id). */
  readonly list: string;
  /** The answer's body: its bytes (moved to the worker without a copy), or its text. */
  readonly body: string | ArrayBuffer;
  readonly at: AnswerOrigin;
  /** The token of the value the page holds for this list, null when none. */
  readonly base: number | null;
}

/** The worker's side: decodes each list's answers and keeps its last value. */
export class JobListKeeper {
  readonly #lists = new Map<string, HeldList>();
  #tokens = 0;

  read(list: string, body: string | ArrayBuffer, at: AnswerOrigin, base: number | null): JobListReply {
    let fresh: JobsOverview;
    try {
      fresh = decode(JobsOverviewSchema, parseJsonText(body, at), at.endpoint, at.url, at.status);
    } catch (error) {
      if (error instanceof FlinkApiError) return { kind: 'error', error: errorInit(error) };
      throw error;
    }
    const held = this.#lists.get(list);
    const kept = keepUnchangedJobs(held?.value, fresh) as JobsOverview;
    if (held !== undefined && kept === held.value && base === held.token) return { kind: 'same', token: held.token };
    const next: HeldList = { token: (this.#tokens += 1), value: kept };
    this.#lists.set(list, next);
    if (held === undefined || base !== held.token) return { kind: 'full', token: next.token, value: kept };
    const before = new Set(held.value.jobs);
    const rest: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(kept)) if (key !== 'jobs') rest[key] = value;
    return {
      kind: 'changes',
      token: next.token,
      changed: kept.jobs.filter((job) => !before.has(job)),
      order: kept.jobs.map((job) => job.jid),
      rest,
    };
  }
}

/**
 * The page's side: the list a reply makes of the one held (`held`), or undefined when the reply's
 * changes do not fit it (a job it names is in neither): the page then asks for the whole list.
 * Throws the error a reply carries.
 */
export function applyJobListReply(held: HeldList | undefined, reply: JobListReply): HeldList | undefined {
  switch (reply.kind) {
    case 'error':
      throw new FlinkApiError(reply.error);
    case 'full':
      return { token: reply.token, value: reply.value };
    case 'same':
      return held?.token === reply.token ? held : undefined;
    case 'changes': {
      if (held === undefined) return undefined;
      const byId = new Map(held.value.jobs.map((job) => [job.jid, job]));
      for (const job of reply.changed) byId.set(job.jid, job);
      const jobs: JobOverview[] = [];
      for (const jid of reply.order) {
        const job = byId.get(jid);
        if (job === undefined) return undefined;
        jobs.push(job);
      }
      return { token: reply.token, value: { ...reply.rest, jobs } };
    }
  }
}

function errorInit(error: FlinkApiError): FlinkApiErrorInit {
  return {
    kind: error.kind,
    endpoint: error.endpoint,
    url: error.url,
    status: error.status,
    snippet: error.snippet,
    issues: [...error.issues],
    flinkMessages: [...error.flinkMessages],
    message: error.message,
  };
}
