import type { BackPressure, BackPressureLevel, SubtaskBackPressure } from '../../api/vertex-sampling';

// Back pressure as Flink computes it (JobVertexBackPressureHandler): the share of time a
// subtask was back-pressured in the last sample; up to 10 % is ok, up to 50 % low, above high.

export function backPressureLevel(ratio: number): BackPressureLevel {
  if (!Number.isFinite(ratio) || ratio <= 0.1) return 'ok';
  if (ratio <= 0.5) return 'low';
  return 'high';
}

const RANK: Record<BackPressureLevel, number> = { ok: 0, low: 1, high: 2 };

/** The worst of several levels. */
export function worstLevel(levels: readonly BackPressureLevel[]): BackPressureLevel {
  return levels.reduce<BackPressureLevel>((worst, l) => (RANK[l] > RANK[worst] ? l : worst), 'ok');
}

export function levelTone(level: BackPressureLevel): 'ok' | 'warn' | 'bad' {
  return level === 'high' ? 'bad' : level === 'low' ? 'warn' : 'ok';
}

export interface BackPressureRow {
  /** Unique per row: `0` or `0#2` for a concurrent attempt (speculative execution). */
  key: string;
  subtask: number;
  attempt: number | null;
  level: BackPressureLevel;
  backPressured: number;
  busy: number;
  idle: number;
}

function toRow(s: SubtaskBackPressure): BackPressureRow {
  const attempt = s['attempt-number'] ?? null;
  return {
    key: attempt === null ? String(s.subtask) : `${s.subtask}#${attempt}`,
    subtask: s.subtask,
    attempt,
    level: s.backpressureLevel,
    backPressured: s.ratio,
    busy: s.busyRatio,
    idle: s.idleRatio,
  };
}

/** One row per subtask, plus rows for attempts running concurrently (speculative execution). */
export function backPressureRows(subtasks: readonly SubtaskBackPressure[]): BackPressureRow[] {
  const rows: BackPressureRow[] = [];
  for (const s of subtasks) {
    rows.push(toRow(s));
    for (const other of s['other-concurrent-attempts'] ?? []) rows.push(toRow({ ...other, subtask: s.subtask }));
  }
  return rows;
}

/** The history series of the back-pressure chart, in percent. */
export const BACK_PRESSURE_SERIES = {
  maxBackPressured: 'Back-pressured (worst subtask)',
  avgBackPressured: 'Back-pressured (average)',
  avgBusy: 'Busy (average)',
  avgIdle: 'Idle (average)',
} as const;

/** One history sample from a ready answer: the ratios as percentages, aggregated over subtasks. */
export function backPressureSample(data: BackPressure): Record<string, number | null> | null {
  if (data.status !== 'ok') return null;
  const subtasks = data.subtasks;
  if (subtasks.length === 0) return null;
  const pct = (x: number): number => Math.round(x * 1000) / 10;
  const avg = (f: (s: SubtaskBackPressure) => number): number =>
    subtasks.reduce((sum, s) => sum + f(s), 0) / subtasks.length;
  return {
    [BACK_PRESSURE_SERIES.maxBackPressured]: pct(Math.max(...subtasks.map((s) => s.ratio))),
    [BACK_PRESSURE_SERIES.avgBackPressured]: pct(avg((s) => s.ratio)),
    [BACK_PRESSURE_SERIES.avgBusy]: pct(avg((s) => s.busyRatio)),
    [BACK_PRESSURE_SERIES.avgIdle]: pct(avg((s) => s.idleRatio)),
  };
}

/** 0.996 -> "99.6%"; non-numbers -> "–". */
export function formatRatio(ratio: number): string {
  if (!Number.isFinite(ratio)) return '–';
  return `${(Math.round(ratio * 1000) / 10).toFixed(1)}%`;
}
