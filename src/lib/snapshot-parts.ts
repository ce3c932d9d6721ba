// The in-memory state a snapshot carries besides react-query's cache: histories kept while a
// page was open (checkpoints, back pressure, metrics). Each keeper registers itself under a
// name when its module loads; a snapshot being opened hands its parts over at start-up, and a
// part whose module loads later (a lazy view) receives its data when it registers.

export interface SnapshotPart {
  /** The part's data as plain JSON; `jobId` narrows it to what concerns one job. */
  readonly dump: (jobId: string | undefined) => unknown;
  /** Fills the part from a snapshot's data, which the part validates itself (a file is untrusted). */
  readonly restore: (data: unknown) => void;
}

const parts = new Map<string, SnapshotPart>();
const pending = new Map<string, unknown>();

export function registerSnapshotPart(name: string, part: SnapshotPart): void {
  parts.set(name, part);
  if (pending.has(name)) {
    const data = pending.get(name);
    pending.delete(name);
    part.restore(data);
  }
}

/** Every registered part's data, by name. */
export function dumpSnapshotParts(jobId: string | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, part] of parts) out[name] = part.dump(jobId);
  return out;
}

/** Hands a snapshot's parts to their keepers, now or when they register. */
export function restoreSnapshotParts(data: Readonly<Record<string, unknown>>): void {
  for (const [name, value] of Object.entries(data)) {
    const part = parts.get(name);
    if (part) part.restore(value);
    else pending.set(name, value);
  }
}

const JOB_KEY = /^[0-9a-f]{32}(?=\/|$)/;

/** Whether a history key (`<jobId>/<vertexId>...` or a cluster-level key) belongs in a job's snapshot. */
export function keyConcernsJob(key: string, jobId: string | undefined): boolean {
  if (jobId === undefined) return true;
  const owner = JOB_KEY.exec(key)?.[0];
  return owner === undefined || owner === jobId;
}
