// Whether the cluster serves an endpoint, decided from its Flink version (`GET /config`, fetched
// once) and the endpoint's `since` line: views that a line lacks are hidden before any request,
// never after an error.

import { isServed, type EndpointSpec } from '../api/endpoints';
import { usePolledQuery } from '../api/polling';
import { webConfigQueryOptions } from '../api/webConfig';

export interface Served {
  /** undefined until `/config` answered. */
  readonly served: boolean | undefined;
  /** The cluster's Flink version, once known. */
  readonly flinkVersion: string | undefined;
}

export function useServes(spec: Pick<EndpointSpec, 'since' | 'requires'>): Served {
  const { data } = usePolledQuery(webConfigQueryOptions());
  const flinkVersion = data?.['flink-version'];
  return { served: flinkVersion === undefined ? undefined : isServed(spec, flinkVersion), flinkVersion };
}
