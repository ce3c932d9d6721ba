import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { JobDetailsSchema } from '../../api/jobs';
import { SubtaskTimesSchema } from '../../api/subtasks';
import boundedDetailsRecorded from './fixtures/bounded-details.json';
import boundedTimesRecorded from './fixtures/bounded-subtasktimes-656545cd8cd63d41569f187d5e8b9c9a.json';
import eventTimeDetailsRecorded from './fixtures/event-time-details.json';
import eventTimeTimesRecorded from './fixtures/event-time-subtasktimes-0dcd6b6344e082cccdb531821571f082.json';
import { intervals, jobTimeline, subtaskTimeline } from './timeline';

const boundedDetails = v.parse(JobDetailsSchema, boundedDetailsRecorded);
const boundedTimes = v.parse(SubtaskTimesSchema, boundedTimesRecorded);
const eventTimeDetails = v.parse(JobDetailsSchema, eventTimeDetailsRecorded);
const eventTimeTimes = v.parse(SubtaskTimesSchema, eventTimeTimesRecorded);

describe('state intervals', () => {
  it('run each state until the next began; a terminal state is an instant', () => {
    const subtask = boundedTimes.subtasks[0];
    if (!subtask) throw new Error('no recorded subtask');
    const t = subtask.timestamps;
    const segments = intervals(0, t, boundedTimes.now);
    // Recorded: CREATED -> SCHEDULED -> DEPLOYING -> INITIALIZING -> RUNNING -> FINISHED.
    expect(segments.map((s) => s.state)).toEqual([
      'CREATED',
      'SCHEDULED',
      'DEPLOYING',
      'INITIALIZING',
      'RUNNING',
      'FINISHED',
    ]);
    expect(segments[0]).toEqual({ row: 0, state: 'CREATED', start: t.CREATED, end: t.SCHEDULED });
    expect(segments[4]).toEqual({ row: 0, state: 'RUNNING', start: t.RUNNING, end: t.FINISHED });
    expect(segments[5]).toEqual({ row: 0, state: 'FINISHED', start: t.FINISHED, end: t.FINISHED });
    // States never entered (0) are left out.
    expect(segments.some((s) => s.state === 'FAILED' || s.state === 'CANCELED')).toBe(false);
  });

  it('let the current state of a running subtask last until now', () => {
    const segments = subtaskTimeline(eventTimeTimes).segments;
    const running = segments.filter((s) => s.state === 'RUNNING');
    expect(running).toHaveLength(eventTimeTimes.subtasks.length);
    for (const s of running) expect(s.end).toBe(eventTimeTimes.now);
  });
});

describe('the job timeline', () => {
  it('has the job row, then one row per vertex from its start to its end', () => {
    const data = jobTimeline(boundedDetails);
    expect(data.rows).toEqual(['Job', ...boundedDetails.vertices.map((v) => v.name)]);
    expect(data.rowIds).toEqual(['job', ...boundedDetails.vertices.map((v) => v.id)]);
    const jobStates = data.segments.filter((s) => s.row === 0).map((s) => s.state);
    expect(jobStates).toEqual(['INITIALIZING', 'CREATED', 'RUNNING', 'FINISHED']);
    const vertex = boundedDetails.vertices[0];
    expect(data.segments.find((s) => s.row === 1)).toEqual({
      row: 1,
      state: 'FINISHED',
      start: vertex?.['start-time'],
      end: vertex?.['end-time'],
    });
  });

  it('draws running vertices until the time of the answer', () => {
    const data = jobTimeline(eventTimeDetails);
    const vertexRows = data.segments.filter((s) => s.row > 0);
    expect(vertexRows).toHaveLength(eventTimeDetails.vertices.length);
    for (const s of vertexRows) {
      expect(s.state).toBe('RUNNING');
      expect(s.end).toBe(eventTimeDetails.now);
    }
  });
});

describe('the subtask timeline', () => {
  it('has one row per subtask, named with its TaskManager', () => {
    const data = subtaskTimeline(eventTimeTimes);
    expect(data.rows).toEqual(eventTimeTimes.subtasks.map((s) => `Subtask ${s.subtask} (${s.endpoint})`));
    expect(new Set(data.segments.map((s) => s.row))).toEqual(new Set(eventTimeTimes.subtasks.map((_, i) => i)));
  });
});
