import * as v from 'valibot';

// Runtime configuration: `config.json` beside index.html, read at start-up so one build serves
// every deployment (and no inline script is needed, which keeps the CSP strict).

const ThemeSchema = v.picklist(['system', 'light', 'dark']);

/** The views a kiosk cycles through, in this order (see src/features/kiosk/rotation.ts). */
export const KIOSK_VIEWS = ['wall', 'overview', 'job-graphs', 'failing-checkpoints'] as const;
export type KioskView = (typeof KIOSK_VIEWS)[number];

/** No refresh interval is shorter than this, whatever a file says. */
const MIN_INTERVAL_MS = 500;
/** A rotation faster than this is unreadable; 0 turns rotation off. */
export const MIN_ROTATE_SECONDS = 3;

const IntervalSchema = v.pipe(v.number(), v.integer(), v.minValue(MIN_INTERVAL_MS));

const KioskSchema = v.strictObject({
  /** Every page load is a kiosk, without `?kiosk` in the URL. */
  enabled: v.optional(v.boolean(), false),
  /** Seconds each view stays on screen; 0 keeps the first view. */
  rotateSeconds: v.optional(
    v.pipe(
      v.number(),
      v.integer(),
      v.check(
        (n) => n === 0 || n >= MIN_ROTATE_SECONDS,
        `Invalid value: expected 0 (no rotation) or an integer ≥ ${MIN_ROTATE_SECONDS}`,
      ),
    ),
    30,
  ),
  /** Which views the kiosk shows, in order. */
  views: v.optional(v.pipe(v.array(v.picklist(KIOSK_VIEWS)), v.minLength(1)), [...KIOSK_VIEWS]),
  /** The kiosk's polling interval; null uses `refreshIntervalMs`, then the JobManager's. */
  refreshIntervalMs: v.optional(v.nullable(IntervalSchema), 10_000),
  /** A wall display is dark unless told otherwise. */
  theme: v.optional(ThemeSchema, 'dark'),
});

/** A cluster's id is one URL segment (`#/c/<id>/jobs/...`): short, lower case, no escaping needed. */
const ClusterIdSchema = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'Invalid id: expected 1-40 of a-z, 0-9 and -, starting with a letter or digit'),
);

const ClusterSchema = v.strictObject({
  /** The cluster's segment in every route (`#/c/<id>/...`), so links name the cluster they show. */
  id: ClusterIdSchema,
  /** Shown in the header, the fleet overview and on every health wall card. */
  name: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  /** Its REST API, relative to the page (`api/prod/`, one proxy path per cluster) or absolute. */
  apiBase: v.pipe(v.string(), v.minLength(1)),
  /** `history`: Flink's History Server (archived jobs); `jobmanager` also detects one from `/config`. */
  kind: v.optional(v.picklist(['jobmanager', 'history']), 'jobmanager'),
  /** Actions on this cluster are hidden and refused (the file's top-level `readOnly` applies to all). */
  readOnly: v.optional(v.boolean(), false),
  restVersionPrefix: v.optional(v.nullable(v.picklist(['v1'])), null),
});

const ClustersSchema = v.pipe(
  v.array(ClusterSchema),
  v.minLength(1),
  v.check(
    (clusters) => new Set(clusters.map((c) => c.id)).size === clusters.length,
    'Invalid clusters: each id must be unique',
  ),
);

const RuntimeConfigSchema = v.strictObject({
  /**
   * Several clusters in one dashboard (a fleet). Absent: the one cluster described by `apiBase`,
   * `kind`, `clusterName` and `restVersionPrefix` below, as before.
   */
  clusters: v.optional(ClustersSchema),
  /**
   * `history`: the API is Flink's History Server (archived jobs, no polling, no actions); also
   * detected from `GET /config` `features.web-history` when left at `jobmanager`.
   */
  kind: v.optional(v.picklist(['jobmanager', 'history']), 'jobmanager'),
  /** Where the JobManager's REST API is, relative to the page unless absolute. */
  apiBase: v.optional(v.pipe(v.string(), v.minLength(1)), 'api/'),
  /** Prefix every REST path with Flink's version segment (`v1`), or not. */
  restVersionPrefix: v.optional(v.nullable(v.picklist(['v1'])), null),
  /** A human name for the cluster, shown in the header and used to confirm shutting it down. */
  clusterName: v.optional(v.pipe(v.string(), v.maxLength(200)), 'Flink'),
  /**
   * The deployment's default refresh interval: wins over the JobManager's `refresh-interval`,
   * loses to the interval a user picks in the header.
   */
  refreshIntervalMs: v.optional(v.nullable(IntervalSchema), null),
  readOnly: v.optional(v.boolean(), false),
  theme: v.optional(ThemeSchema, 'system'),
  /** Kiosk mode (a wall display): see README, "Kiosk mode". */
  kiosk: v.optional(KioskSchema, {}),
});

export type RuntimeConfig = v.InferOutput<typeof RuntimeConfigSchema>;
export type ClusterConfig = v.InferOutput<typeof ClusterSchema>;

/** The id of the one cluster of a config without `clusters`. */
export const SINGLE_CLUSTER_ID = 'default';

/**
 * The clusters a config describes, in the file's order: its `clusters`, or the single cluster of
 * the top-level fields. The top-level `readOnly` makes every cluster read-only.
 */
export function clustersOf(config: RuntimeConfig): readonly ClusterConfig[] {
  const list: readonly ClusterConfig[] = config.clusters ?? [
    {
      id: SINGLE_CLUSTER_ID,
      name: config.clusterName,
      apiBase: config.apiBase,
      kind: config.kind,
      readOnly: false,
      restVersionPrefix: config.restVersionPrefix,
    },
  ];
  return list.map((cluster) => ({ ...cluster, readOnly: cluster.readOnly || config.readOnly }));
}
export type KioskConfig = RuntimeConfig['kiosk'];

export type RuntimeConfigResult =
  { ok: true; config: RuntimeConfig; source: 'file' | 'defaults' } | { ok: false; problems: string[] };

export function defaultRuntimeConfig(): RuntimeConfig {
  return v.parse(RuntimeConfigSchema, {});
}

/** Checks a parsed config.json, naming each bad field and the form it should take. */
export function parseRuntimeConfig(raw: unknown): RuntimeConfigResult {
  const result = v.safeParse(RuntimeConfigSchema, raw);
  if (result.success) return { ok: true, config: result.output, source: 'file' };
  return {
    ok: false,
    problems: result.issues.map((issue) => {
      const field = issue.path?.map((p) => String(p.key)).join('.') ?? '(the file)';
      return issue.type === 'strict_object' && issue.path && issue.expected === 'never'
        ? `${field}: is not a known setting`
        : `${field}: ${issue.message}`;
    }),
  };
}

/** Reads `config.json` next to the page. A missing file means defaults; a broken one is an error. */
export async function loadRuntimeConfig(fetchImpl: typeof fetch = fetch): Promise<RuntimeConfigResult> {
  let response: Response;
  try {
    response = await fetchImpl('config.json', { cache: 'no-store', headers: { Accept: 'application/json' } });
  } catch {
    return { ok: true, config: defaultRuntimeConfig(), source: 'defaults' };
  }
  if (response.status === 404) return { ok: true, config: defaultRuntimeConfig(), source: 'defaults' };
  if (!response.ok) {
    return { ok: false, problems: [`config.json: the server answered HTTP ${response.status}`] };
  }
  const text = await response.text();
  try {
    return parseRuntimeConfig(JSON.parse(text) as unknown);
  } catch (err) {
    return {
      ok: false,
      problems: [`config.json: is not valid JSON (${err instanceof Error ? err.message : String(err)})`],
    };
  }
}
