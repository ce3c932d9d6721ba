// Recorded answers of the Flink 2.3.0 sandbox (curl, see fixtures/), decoded by src/api's own
// schema exactly as the app decodes them. Only imported by tests.
import * as v from 'valibot';
import { JobExceptionsSchema } from '../../api/exceptions';
import flakyAll from './fixtures/flaky-exceptions.json';
import flakyLabelFiltered from './fixtures/flaky-exceptions-label-type-user.json';
import flakyMax3 from './fixtures/flaky-exceptions-max3.json';

export const FLAKY_JOB = '1d77a64f592e583dbc3806d82e9e982b';

export const recorded = { flakyAll, flakyMax3, flakyLabelFiltered };

export const fixtures = {
  flakyAll: v.parse(JobExceptionsSchema, flakyAll),
  flakyMax3: v.parse(JobExceptionsSchema, flakyMax3),
  flakyLabelFiltered: v.parse(JobExceptionsSchema, flakyLabelFiltered),
};
