// Form values -> API requests, pure so they are tested without a browser.

import type { TriggerCheckpointRequest } from '../../api/checkpoints';
import type { JobResourceRequirements, JobResourceRequirementsUpdate } from '../../api/job-scaling';
import type { SavepointFormat, SavepointRequest, StopRequest } from '../../api/savepoints';

export interface SnapshotFormValues {
  readonly targetDirectory: string;
  readonly formatType: SavepointFormat;
}

export function savepointRequestFrom(
  values: SnapshotFormValues & { readonly cancelJob: boolean },
  triggerId: string,
): SavepointRequest {
  const dir = values.targetDirectory.trim();
  return {
    ...(dir ? { targetDirectory: dir } : {}),
    formatType: values.formatType,
    cancelJob: values.cancelJob,
    triggerId,
  };
}

export function stopRequestFrom(
  values: SnapshotFormValues & { readonly drain: boolean },
  triggerId: string,
): StopRequest {
  const dir = values.targetDirectory.trim();
  return { ...(dir ? { targetDirectory: dir } : {}), formatType: values.formatType, drain: values.drain, triggerId };
}

export function checkpointRequestFrom(type: 'CONFIGURED' | 'FULL', triggerId: string): TriggerCheckpointRequest {
  return { checkpointType: type, triggerId };
}

/** A positive whole number typed in a field, or undefined. */
export function parsePositiveInt(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return undefined;
  const n = Number(trimmed);
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

export interface BoundsDraft {
  readonly lower: string;
  readonly upper: string;
}

/** Draft bounds from what Flink reported, per vertex. */
export function draftFrom(requirements: JobResourceRequirements): Record<string, BoundsDraft> {
  const out: Record<string, BoundsDraft> = {};
  for (const [vertexId, r] of Object.entries(requirements)) {
    out[vertexId] = { lower: String(r.parallelism.lowerBound), upper: String(r.parallelism.upperBound) };
  }
  return out;
}

/**
 * The PUT body from the edited bounds, or the first problem: every bound a positive whole number,
 * lower not above upper. Vertices are sent in full (Flink replaces the whole requirements).
 */
export function requirementsUpdateFrom(
  draft: Readonly<Record<string, BoundsDraft>>,
  nameOf: (vertexId: string) => string = (id) => id,
): { ok: true; update: JobResourceRequirementsUpdate } | { ok: false; problem: string } {
  const update: Record<string, { parallelism: { lowerBound: number; upperBound: number } }> = {};
  for (const [vertexId, bounds] of Object.entries(draft)) {
    const lower = parsePositiveInt(bounds.lower);
    const upper = parsePositiveInt(bounds.upper);
    if (lower === undefined || upper === undefined) {
      return { ok: false, problem: `${nameOf(vertexId)}: bounds must be whole numbers of at least 1.` };
    }
    if (lower > upper) return { ok: false, problem: `${nameOf(vertexId)}: the lower bound is above the upper bound.` };
    update[vertexId] = { parallelism: { lowerBound: lower, upperBound: upper } };
  }
  return { ok: true, update };
}
