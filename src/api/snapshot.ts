// Incident snapshots: the file format (docs/snapshot-format.md), its validation, and the snapshot
// source that answers every query from a snapshot's recorded answers instead of the JobManager.
//
// A snapshot records what the dashboard holds: react-query's cache entries (query key -> the
// decoded answer and when it arrived) and the in-memory histories (src/lib/snapshot-parts.ts).
// While one is open (`activateSnapshot`, at start-up), jsonQuery / textQuery answer from it,
// decoding each answer again with the endpoint's own schema, and the client refuses to send
// anything: a request the snapshot did not record fails with kind `not-in-snapshot`.

import { hashKey, type QueryKey } from '@tanstack/react-query';
import * as v from 'valibot';

export const SNAPSHOT_FORMAT = 'flink-dashboard-snapshot';
/** The format version this dashboard writes and the newest it reads. */
export const SNAPSHOT_VERSION = 1;
/** Larger files are refused before they are read. */
export const MAX_SNAPSHOT_BYTES = 50 * 1024 * 1024;

const SnapshotQuerySchema = v.object({
  /** A query key of src/api/keys.ts: `["flink", "jobs", "job", "<id>", "details"]`. */
  key: v.pipe(
    v.array(v.unknown()),
    v.check((key) => key[0] === 'flink', 'a query key starts with "flink"'),
  ),
  /** When the answer arrived (epoch ms). */
  updatedAt: v.pipe(v.number(), v.finite()),
  /** The answer as the endpoint's schema decoded it; non-finite doubles as "NaN" / "Infinity". */
  data: v.unknown(),
});
export type SnapshotQuery = v.InferOutput<typeof SnapshotQuerySchema>;

export const SnapshotSchema = v.object({
  format: v.literal(SNAPSHOT_FORMAT),
  version: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(SNAPSHOT_VERSION)),
  /** When the snapshot was taken (epoch ms). */
  takenAt: v.pipe(v.number(), v.finite()),
  scope: v.picklist(['job', 'cluster']),
  cluster: v.object({
    /** config.json `clusterName` of the dashboard that took it. */
    name: v.string(),
    /** GET /config `flink-version`, when it was known. */
    flinkVersion: v.optional(v.string()),
  }),
  /** The job of a job snapshot. */
  job: v.optional(v.object({ id: v.string(), name: v.string() })),
  queries: v.array(SnapshotQuerySchema),
  /** The in-memory histories, by name (see src/lib/snapshot-parts.ts); each validates its own. */
  histories: v.optional(v.record(v.string(), v.unknown()), {}),
});
export type Snapshot = v.InferOutput<typeof SnapshotSchema>;

export type SnapshotParse =
  { readonly ok: true; readonly snapshot: Snapshot } | { readonly ok: false; readonly message: string };

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Refuses a file by its size before it is read. */
export function checkSnapshotSize(bytes: number): string | undefined {
  return bytes > MAX_SNAPSHOT_BYTES
    ? `This file is too large (${megabytes(bytes)}): snapshots are limited to ${megabytes(MAX_SNAPSHOT_BYTES)}.`
    : undefined;
}

/** A snapshot file's text to a snapshot, or the one sentence that says why not. */
export function parseSnapshot(text: string): SnapshotParse {
  const tooLarge = checkSnapshotSize(text.length);
  if (tooLarge) return { ok: false, message: tooLarge };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return /^\s*\{/.test(text)
      ? { ok: false, message: 'This snapshot file is truncated or corrupted: it is not complete JSON.' }
      : { ok: false, message: 'This file is not a Flink dashboard snapshot (it is not JSON).' };
  }
  if (typeof parsed !== 'object' || parsed === null || (parsed as { format?: unknown }).format !== SNAPSHOT_FORMAT)
    return { ok: false, message: 'This file is not a Flink dashboard snapshot.' };
  const version = (parsed as { version?: unknown }).version;
  if (typeof version === 'number' && version > SNAPSHOT_VERSION) {
    return {
      ok: false,
      message: `This snapshot has format version ${String(version)}, newer than this dashboard reads (${SNAPSHOT_VERSION}): open it with a newer dashboard.`,
    };
  }
  let result: v.SafeParseResult<typeof SnapshotSchema>;
  try {
    result = v.safeParse(SnapshotSchema, parsed);
  } catch {
    return { ok: false, message: 'This snapshot is damaged: it is nested too deeply to read.' };
  }
  if (!result.success)
    return {
      ok: false,
      message: `This snapshot is damaged: ${result.issues
        .slice(0, 3)
        .map((issue) => `${v.getDotPath(issue) ?? '(root)'}: ${issue.message}`)
        .join('; ')}.`,
    };
  return { ok: true, snapshot: result.output };
}

/** JSON with non-finite numbers as the strings Flink's Jackson writes (the `double` schema reads them). */
export function serializeSnapshot(snapshot: Snapshot): string {
  return JSON.stringify(snapshot, (_key, value: unknown) =>
    typeof value === 'number' && !Number.isFinite(value) ? String(value) : value,
  );
}

// ---- the snapshot source ----------------------------------------------------------------------

interface ActiveSnapshot {
  readonly snapshot: Snapshot;
  readonly byKey: ReadonlyMap<string, SnapshotQuery>;
}

let active: ActiveSnapshot | null = null;

/** From now on every query answers from this snapshot and nothing is sent (start-up only). */
export function activateSnapshot(snapshot: Snapshot | null): void {
  if (snapshot === null) {
    active = null;
    return;
  }
  const byKey = new Map<string, SnapshotQuery>();
  for (const query of snapshot.queries) byKey.set(hashKey(query.key), query);
  active = { snapshot, byKey };
}

/** The snapshot being shown, or null when the dashboard talks to a JobManager. */
export function activeSnapshot(): Snapshot | null {
  return active?.snapshot ?? null;
}

/** The recorded answer for a query key, when a snapshot is shown and recorded it. */
export function snapshotAnswer(key: QueryKey): SnapshotQuery | undefined {
  return active?.byKey.get(hashKey(key));
}
