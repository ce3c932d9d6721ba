import * as v from 'valibot';

// Runtime configuration: `config.json` beside index.html, read at start-up so one build serves
// every deployment (and no inline script is needed, which keeps the CSP strict).

const RuntimeConfigSchema = v.strictObject({
  /** Where the JobManager's REST API is, relative to the page unless absolute. */
  apiBase: v.optional(v.pipe(v.string(), v.minLength(1)), 'api/'),
  /** Prefix every REST path with Flink's version segment (`v1`), or not. */
  restVersionPrefix: v.optional(v.nullable(v.picklist(['v1'])), null),
  /** A human name for the cluster, shown in the header and used to confirm shutting it down. */
  clusterName: v.optional(v.pipe(v.string(), v.maxLength(200)), 'Flink'),
  /** Overrides the JobManager's own `refresh-interval`. */
  refreshIntervalMs: v.optional(v.nullable(v.pipe(v.number(), v.integer(), v.minValue(500))), null),
  readOnly: v.optional(v.boolean(), false),
  theme: v.optional(v.picklist(['system', 'light', 'dark']), 'system'),
});

export type RuntimeConfig = v.InferOutput<typeof RuntimeConfigSchema>;

export type RuntimeConfigResult =
  | { ok: true; config: RuntimeConfig; source: 'file' | 'defaults' }
  | { ok: false; problems: string[] };

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
      return issue.type === 'strict_object' && issue.path
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
