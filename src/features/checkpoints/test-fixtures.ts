// Recorded answers of the Flink 2.3.0 sandbox (curl, see fixtures/), decoded by src/api's own
// schemas exactly as the app decodes them. Only imported by tests.
import * as v from 'valibot';
import {
  CheckpointConfigSchema,
  CheckpointingStatisticsSchema,
  CheckpointStatsSchema,
  CheckpointSubtasksSchema,
} from '../../api/checkpoints';
import eventTimeConfig from './fixtures/event-time-checkpoint-config.json';
import eventTimeDetails from './fixtures/event-time-checkpoint-details.json';
import eventTimeSubtasksSource from './fixtures/event-time-checkpoint-subtasks-0dcd6b6344e082cccdb531821571f082.json';
import eventTimeStats from './fixtures/event-time-checkpoints.json';
import failingDetails from './fixtures/failing-checkpoint-details.json';
import failingSubtasksSlow from './fixtures/failing-checkpoint-subtasks-6f4ef8783b9a22eb22cec1139d41c184.json';
import failingStats from './fixtures/failing-checkpoints.json';

export const EVENT_TIME_JOB = '52b55582369c4b745bdd71ecba17202d';
export const FAILING_JOB = '050db545db0acff506173e22887384da';

export const recorded = {
  eventTimeStats,
  eventTimeConfig,
  eventTimeDetails,
  eventTimeSubtasksSource,
  failingStats,
  failingDetails,
  failingSubtasksSlow,
};

export const fixtures = {
  eventTimeStats: v.parse(CheckpointingStatisticsSchema, eventTimeStats),
  eventTimeConfig: v.parse(CheckpointConfigSchema, eventTimeConfig),
  eventTimeDetails: v.parse(CheckpointStatsSchema, eventTimeDetails),
  eventTimeSubtasksSource: v.parse(CheckpointSubtasksSchema, eventTimeSubtasksSource),
  failingStats: v.parse(CheckpointingStatisticsSchema, failingStats),
  failingDetails: v.parse(CheckpointStatsSchema, failingDetails),
  failingSubtasksSlow: v.parse(CheckpointSubtasksSchema, failingSubtasksSlow),
};
