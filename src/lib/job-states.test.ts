import { describe, expect, it } from 'vitest';
import { byUrgency, countByState, isActive, isTerminal } from './job-states';

const job = (state: string, start: number): { state: string; 'start-time': number } => ({ state, 'start-time': start });

describe('byUrgency', () => {
  it('puts restarting and failing jobs first, then running, then finished, newest first', () => {
    const sorted = byUrgency([
      job('FINISHED', 5),
      job('RUNNING', 1),
      job('RESTARTING', 0),
      job('RUNNING', 3),
      job('FAILED', 9),
    ]);
    expect(sorted.map((j) => `${j.state}@${j['start-time']}`)).toEqual([
      'RESTARTING@0',
      'FAILED@9',
      'RUNNING@3',
      'RUNNING@1',
      'FINISHED@5',
    ]);
  });
});

describe('countByState', () => {
  it('counts every state seen', () => {
    expect(countByState([job('RUNNING', 1), job('RUNNING', 2), job('RESTARTING', 3)])).toEqual({
      RUNNING: 2,
      RESTARTING: 1,
    });
  });
});

describe('isActive', () => {
  it('treats terminal states as inactive', () => {
    expect(isActive('RUNNING')).toBe(true);
    expect(isActive('RESTARTING')).toBe(true);
    expect(isActive('CANCELED')).toBe(false);
    expect(isActive('FINISHED')).toBe(false);
  });
});

describe('isTerminal', () => {
  it('knows the four states after which nothing changes, for jobs and subtasks alike', () => {
    expect(['FINISHED', 'CANCELED', 'FAILED', 'SUSPENDED'].every(isTerminal)).toBe(true);
    expect(['RUNNING', 'CANCELLING', 'CANCELING', 'RESTARTING', 'DEPLOYING', 'SOMETHING_NEW'].some(isTerminal)).toBe(
      false,
    );
  });
});
