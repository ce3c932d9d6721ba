import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { fixture } from '../../api/test-utils';
import { BackPressureSchema, type BackPressure } from '../../api/vertex-sampling';
import {
  BACK_PRESSURE_SERIES,
  backPressureLevel,
  backPressureRows,
  backPressureSample,
  formatRatio,
  levelTone,
  worstLevel,
} from './back-pressure';

// Recorded from the sandbox's backpressured pipeline (Flink 2.3.0), source vertex.
const highSource: BackPressure = {
  status: 'ok',
  backpressureLevel: 'high',
  'end-timestamp': 1795721502786,
  subtasks: [
    {
      subtask: 0,
      backpressureLevel: 'high',
      ratio: 0.996,
      idleRatio: 0.0,
      busyRatio: 0.004,
      'backpressure-level': 'high',
    },
  ],
  'backpressure-level': 'high',
};

describe('backPressureLevel', () => {
  it("follows Flink's thresholds: up to 10 % ok, up to 50 % low, above that high", () => {
    expect(backPressureLevel(0)).toBe('ok');
    expect(backPressureLevel(0.1)).toBe('ok');
    expect(backPressureLevel(0.11)).toBe('low');
    expect(backPressureLevel(0.5)).toBe('low');
    expect(backPressureLevel(0.51)).toBe('high');
    expect(backPressureLevel(0.996)).toBe('high');
    expect(backPressureLevel(Number.NaN)).toBe('ok');
  });
  it('ranks levels and gives them a tone', () => {
    expect(worstLevel(['ok', 'high', 'low'])).toBe('high');
    expect(worstLevel([])).toBe('ok');
    expect(levelTone('high')).toBe('bad');
    expect(levelTone('low')).toBe('warn');
  });
});

describe('backPressureRows', () => {
  it('gives one row per subtask and per concurrent attempt', () => {
    const rows = backPressureRows([
      {
        subtask: 0,
        backpressureLevel: 'low',
        ratio: 0.3,
        idleRatio: 0.2,
        busyRatio: 0.5,
        'other-concurrent-attempts': [
          { subtask: 0, 'attempt-number': 1, backpressureLevel: 'ok', ratio: 0, idleRatio: 1, busyRatio: 0 },
        ],
      },
    ]);
    expect(rows.map((r) => [r.key, r.level, r.attempt])).toEqual([
      ['0', 'low', null],
      ['0#1', 'ok', 1],
    ]);
  });
});

describe('backPressureSample', () => {
  it('aggregates the ratios in percent', () => {
    expect(backPressureSample(highSource)).toEqual({
      [BACK_PRESSURE_SERIES.maxBackPressured]: 99.6,
      [BACK_PRESSURE_SERIES.avgBackPressured]: 99.6,
      [BACK_PRESSURE_SERIES.avgBusy]: 0.4,
      [BACK_PRESSURE_SERIES.avgIdle]: 0,
    });
  });
  it('reads a recorded answer of a quiet vertex', () => {
    const recorded = v.parse(BackPressureSchema, fixture('flink-2.3.0/vertex-backpressure').json);
    if (recorded.status !== 'ok') throw new Error('the recorded answer is a finished sample');
    const worst = Math.max(...recorded.subtasks.map((s) => s.ratio));
    expect(backPressureSample(recorded)).toMatchObject({
      [BACK_PRESSURE_SERIES.maxBackPressured]: Math.round(worst * 1000) / 10,
    });
    expect(backPressureRows(recorded.subtasks).map((r) => r.level)).toEqual(
      recorded.subtasks.map((s) => s.backpressureLevel),
    );
  });
  it('has nothing while Flink is still sampling', () => {
    expect(backPressureSample({ status: 'deprecated' })).toBeNull();
  });
  it('formats ratios as percentages', () => {
    expect(formatRatio(0.996)).toBe('99.6%');
    expect(formatRatio(0)).toBe('0.0%');
  });
});
