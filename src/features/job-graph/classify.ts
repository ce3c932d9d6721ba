// What a vertex looks like on the graph: its colour class, its text lines and accessible name.

import { formatSkew, type SkewReading } from '../../lib/data-skew';
import { formatCount, formatTimestamp } from '../../lib/format';
import type { VertexRates } from '../../lib/vertex-rates';

/** Back pressure or busy time at or above this share colours a vertex. */
export const HOT_SHARE = 0.5;

export type VertexLoad = 'back-pressured' | 'busy' | 'ok' | 'inactive' | 'no-data';

/** The states in which a vertex's tasks run and their rates mean something. */
const ACTIVE_STATES = new Set(['RUNNING', 'INITIALIZING', 'DEPLOYING', 'SCHEDULED', 'CREATED', 'RECONCILING']);

/**
 * Back pressure wins (it shows where a slow operator's effect is felt), then busy time. A vertex
 * that no longer runs (finished, canceled, failed) is `inactive` whatever its last rates were.
 */
export function classifyVertex(rates: VertexRates, status: string | undefined): VertexLoad {
  if (status !== undefined && !ACTIVE_STATES.has(status)) return 'inactive';
  if (rates.backPressured !== null && rates.backPressured >= HOT_SHARE) return 'back-pressured';
  if (rates.busy !== null && rates.busy >= HOT_SHARE) return 'busy';
  if (rates.busy === null && rates.backPressured === null) return 'no-data';
  return 'ok';
}

export function formatShare(share: number | null): string {
  return share === null ? '–' : `${Math.round(share * 100)}%`;
}

export function formatRate(perSecond: number | null): string {
  if (perSecond === null) return '–';
  if (perSecond > 0 && perSecond < 10) return `${perSecond.toFixed(1)}/s`;
  return `${formatCount(perSecond)}/s`;
}

export function formatWatermark(watermark: number | null | undefined, timeZone?: string): string {
  if (watermark === undefined) return 'watermark –';
  if (watermark === null) return 'no watermark';
  return `watermark ${formatTimestamp(watermark, timeZone)}`;
}

export interface VertexText {
  readonly lines: readonly string[];
  readonly ariaLabel: string;
}

export interface VertexTextInput {
  readonly name: string;
  readonly parallelism: number;
  readonly status: string | undefined;
  readonly rates: VertexRates;
  readonly load: VertexLoad;
  readonly watermark: number | null | undefined;
  /** Data skew of records received (lib/data-skew); `undefined` while not fetched. */
  readonly skew: SkewReading;
  /** How old the watermark and skew are when older than a refresh ("read 4.0s ago", see read-in-turn.ts); else ''. */
  readonly readAge?: string;
}

/** The node's detail lines and its accessible name (the full name first, then the state). */
export function vertexText(input: VertexTextInput): VertexText {
  const { rates } = input;
  const load = `busy ${formatShare(rates.busy)} · back-pressured ${formatShare(rates.backPressured)}`;
  const lines = [
    `parallelism ${input.parallelism}${input.status ? ` · ${input.status}` : ''}`,
    load,
    `in ${formatRate(rates.recordsInPerSecond)} · out ${formatRate(rates.recordsOutPerSecond)}`,
    formatWatermark(input.watermark),
    `data skew ${formatSkew(input.skew)}${input.readAge ? ` · ${input.readAge}` : ''}`,
  ];
  return { lines, ariaLabel: vertexAriaLabel(input) };
}

/** The node's accessible name alone: the full name, then its load (kept current on every node, drawn or not). */
export function vertexAriaLabel(input: Pick<VertexTextInput, 'name' | 'status' | 'rates' | 'load'>): string {
  const { rates } = input;
  const summary =
    input.load === 'inactive'
      ? (input.status ?? 'not running')
      : input.load === 'no-data'
        ? 'no rates yet'
        : `busy ${formatShare(rates.busy)}, back-pressured ${formatShare(rates.backPressured)}`;
  return `${input.name}: ${summary}`;
}
