// Validation of path parameters: nothing reaches a URL unchecked.

import type { ParamName } from './endpoints';

const HEX32 = /^[0-9a-fA-F]{32}$/;
/** Resource ids of TaskManagers: `127.0.0.1:36521-3c2a5f` (standalone), container or pod names. */
const RESOURCE_ID = /^[\w.:@-]{1,256}$/;

/** Path separators and control characters, which a single file name never has. */
// eslint-disable-next-line no-control-regex
const NOT_IN_FILE_NAME = /[/\\\u0000-\u001f\u007f]/;

/** A jar id or log file name: one path segment, never `.` or `..`, no separators or controls. */
function isFileName(value: string): boolean {
  return value.length > 0 && value.length <= 512 && value !== '.' && value !== '..' && !NOT_IN_FILE_NAME.test(value);
}

export function isHexId(value: unknown): value is string {
  return typeof value === 'string' && HEX32.test(value);
}

/** Job ids are 32 hex characters. */
export const isJobId = isHexId;
/** Vertex ids are 32 hex characters. */
export const isVertexId = isHexId;
/** Application ids (Flink 2.3) are 32 hex characters. */
export const isApplicationId = isHexId;
/** Trigger ids of asynchronous operations are 32 hex characters. */
export const isTriggerId = isHexId;

export function isTaskManagerId(value: unknown): value is string {
  return typeof value === 'string' && RESOURCE_ID.test(value) && value !== '.' && value !== '..';
}

function isIndex(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** Explains why a path parameter is invalid, or returns undefined when it is fine. */
export function checkPathParam(name: ParamName, value: unknown): string | undefined {
  switch (name) {
    case 'jobid':
    case 'vertexid':
    case 'triggerid':
    case 'datasetid':
    case 'rescaleuuid':
    case 'applicationid':
      return isHexId(value) ? undefined : `${name} must be 32 hexadecimal characters, got ${describe(value)}`;
    case 'taskmanagerid':
      return isTaskManagerId(value) ? undefined : `taskmanagerid is not a TaskManager resource id: ${describe(value)}`;
    case 'jarid':
    case 'logname':
    case 'filename':
      return typeof value === 'string' && isFileName(value)
        ? undefined
        : `${name} must be a single file name, got ${describe(value)}`;
    case 'checkpointid':
    case 'subtaskindex':
    case 'attempt':
      return isIndex(value) ? undefined : `${name} must be a non-negative integer, got ${describe(value)}`;
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}...` : value);
  return String(value);
}

/** A new random trigger id (32 lowercase hex characters), as Flink's TriggerId expects. */
export function newTriggerId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
