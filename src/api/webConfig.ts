// GET /config: the web UI configuration. Its own module because the refresh policy (polling.ts)
// needs its `refresh-interval`, and every resource module's hooks need polling.ts.

import * as v from 'valibot';
import { readEarly } from './client';
import { jsonQuery } from './endpoint-query';
import { endpoints } from './endpoints';
import { flinkKeys } from './keys';
import { bool, int, num, str } from './schemas';

export const WebConfigSchema = v.looseObject({
  'refresh-interval': num,
  'timezone-name': str,
  'timezone-offset': int,
  'flink-version': str,
  'flink-revision': str,
  features: v.looseObject({
    'web-submit': bool,
    'web-cancel': bool,
    /** 1.20 and 2.x; absent before 1.19 (treated as false). */
    'web-rescale': v.optional(bool, false),
    'web-history': bool,
  }),
});
export type WebConfig = v.InferOutput<typeof WebConfigSchema>;

/** The configuration does not change while the JobManager runs: fetched once. */
export function webConfigQueryOptions() {
  return { ...jsonQuery(flinkKeys.config(), endpoints.webConfig, WebConfigSchema, {}, 'static'), staleTime: Infinity };
}

/** Asks for the configuration before the first page's code has loaded (client.ts readEarly). */
export function readWebConfigEarly(): void {
  readEarly(endpoints.webConfig, {});
}
