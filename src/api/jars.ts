// Uploaded jars: list, upload, delete, plan, run.

import { mutationOptions } from '@tanstack/react-query';
import * as v from 'valibot';
import { requestJson } from './client';
import { jsonQuery } from './endpoint-query';
import { endpoints } from './endpoints';
import { flinkKeys } from './keys';
import { EmptySchema, num, PlanResponseSchema, str } from './schemas';

export const JarsSchema = v.looseObject({
  address: str,
  files: v.array(
    v.looseObject({
      /** The jar id: `<uuid>_<file name>`. */
      id: str,
      name: str,
      uploaded: num,
      entry: v.array(v.looseObject({ name: str, description: v.optional(v.nullable(str)) })),
    }),
  ),
});
export type Jars = v.InferOutput<typeof JarsSchema>;
export type JarFile = Jars['files'][number];

export function jarsQueryOptions() {
  return jsonQuery(flinkKeys.jarsList(), endpoints.jars, JarsSchema, {});
}

export const JarUploadSchema = v.looseObject({ filename: str, status: v.literal('success') });
export type JarUpload = v.InferOutput<typeof JarUploadSchema>;

/** The jar id of an upload: the stored file's name. */
export function jarIdOf(upload: JarUpload): string {
  return upload.filename.split(/[\\/]/).pop() ?? upload.filename;
}

/** POST /jars/upload: multipart with the jar as `jarfile`. */
/**
 * Uploads a jar (multipart field `jarfile`). With `onProgress`, reports how much of the file
 * was sent, as a fraction from 0 to 1.
 */
export function uploadJar(
  jar: Blob,
  fileName: string,
  signal?: AbortSignal,
  onProgress?: (fraction: number) => void,
): Promise<JarUpload> {
  const form = new FormData();
  form.append('jarfile', jar.type ? jar : new Blob([jar], { type: 'application/x-java-archive' }), fileName);
  return requestJson(endpoints.uploadJar, JarUploadSchema, {
    body: form,
    signal,
    ...(onProgress
      ? { onUploadProgress: (loaded: number, total: number) => onProgress(total > 0 ? Math.min(1, loaded / total) : 0) }
      : {}),
    // A large jar over a slow link takes longer than an ordinary request.
    timeoutMs: 10 * 60_000,
  });
}

export async function deleteJar(jarId: string, signal?: AbortSignal): Promise<void> {
  await requestJson(endpoints.deleteJar, EmptySchema, { params: { jarid: jarId }, signal });
}

/** What to run: sent as the JSON body (Flink's recommended way). */
export interface JarProgram {
  readonly entryClass?: string;
  readonly programArgsList?: readonly string[];
  readonly parallelism?: number;
  /** A job id to use (32 hex), instead of a random one. */
  readonly jobId?: string;
  readonly flinkConfiguration?: Readonly<Record<string, string>>;
}

export interface JarRunRequest extends JarProgram {
  readonly savepointPath?: string;
  readonly allowNonRestoredState?: boolean;
  /** `CLAIM` | `NO_CLAIM` (| `LEGACY` in 1.20). */
  readonly claimMode?: 'CLAIM' | 'NO_CLAIM' | 'LEGACY';
}

/** The query-parameter variants Flink also accepts (the body wins where both are given). */
export interface JarQuery {
  readonly 'entry-class'?: string;
  readonly programArg?: readonly string[];
  readonly parallelism?: number;
  readonly savepointPath?: string;
  readonly allowNonRestoredState?: boolean;
}

/**
 * POST /jars/:jarid/plan: the dataflow plan of the program, without running it (a POST, but
 * without side effects: cached like a GET, and it does not change).
 */
export function jarPlanQueryOptions(
  jarId: string,
  program: JarProgram = {},
  query: Omit<JarQuery, 'savepointPath' | 'allowNonRestoredState'> = {},
) {
  return {
    ...jsonQuery(
      flinkKeys.jarPlan(jarId, { body: program, query }),
      endpoints.jarPlan,
      PlanResponseSchema,
      {
        params: { jarid: jarId },
        query: { ...query },
        body: { ...program },
      },
      'static',
    ),
    staleTime: Infinity,
  };
}

export const JarRunSchema = v.looseObject({
  jobid: str,
  /** 2.3+ only: the application the job became (its id equals the job's); absent in 1.20. */
  applicationId: v.optional(str),
});
export type JarRun = v.InferOutput<typeof JarRunSchema>;

/** POST /jars/:jarid/run: submits the program as a job; returns its job id. */
export function runJar(
  jarId: string,
  request: JarRunRequest = {},
  query: JarQuery = {},
  signal?: AbortSignal,
): Promise<JarRun> {
  return requestJson(endpoints.runJar, JarRunSchema, {
    params: { jarid: jarId },
    query: { ...query },
    body: { ...request },
    signal,
  });
}

export interface JarRunApplicationRequest extends JarRunRequest {
  /** An application id to use (32 hex), instead of a random one. */
  readonly applicationId?: string;
}

export const JarRunApplicationSchema = v.looseObject({ applicationid: str });
export type JarRunApplication = v.InferOutput<typeof JarRunApplicationSchema>;

/**
 * POST /jars/:jarid/run-application (Flink 2.3+): submits the program as an application (its
 * jobs appear as the program submits them); returns the application's id.
 */
export function runJarAsApplication(
  jarId: string,
  request: JarRunApplicationRequest = {},
  query: JarQuery = {},
  signal?: AbortSignal,
): Promise<JarRunApplication> {
  return requestJson(endpoints.runJarAsApplication, JarRunApplicationSchema, {
    params: { jarid: jarId },
    query: { ...query },
    body: { ...request },
    signal,
  });
}

export function uploadJarMutationOptions() {
  return mutationOptions({
    mutationKey: [...flinkKeys.jars(), 'upload'],
    mutationFn: ({
      jar,
      fileName,
      onProgress,
    }: {
      jar: Blob;
      fileName: string;
      onProgress?: (fraction: number) => void;
    }) => uploadJar(jar, fileName, undefined, onProgress),
    onSuccess: (_d, _v, _c, { client }) => client.invalidateQueries({ queryKey: flinkKeys.jars() }),
  });
}

export function deleteJarMutationOptions() {
  return mutationOptions({
    mutationKey: [...flinkKeys.jars(), 'delete'],
    mutationFn: (jarId: string) => deleteJar(jarId),
    onSettled: (_d, _e, _v, _c, { client }) => client.invalidateQueries({ queryKey: flinkKeys.jars() }),
  });
}

export function runJarAsApplicationMutationOptions(jarId: string) {
  return mutationOptions({
    mutationKey: [...flinkKeys.jars(), 'run-application', jarId],
    mutationFn: (request: JarRunApplicationRequest) => runJarAsApplication(jarId, request),
    onSuccess: async (_d, _v, _c, { client }) => {
      await Promise.all([
        client.invalidateQueries({ queryKey: flinkKeys.applications() }),
        client.invalidateQueries({ queryKey: flinkKeys.jobs() }),
        client.invalidateQueries({ queryKey: flinkKeys.overview() }),
      ]);
    },
  });
}

export function runJarMutationOptions(jarId: string) {
  return mutationOptions({
    mutationKey: [...flinkKeys.jars(), 'run', jarId],
    mutationFn: (request: JarRunRequest) => runJar(jarId, request),
    onSuccess: async (_d, _v, _c, { client }) => {
      await Promise.all([
        client.invalidateQueries({ queryKey: flinkKeys.jobs() }),
        client.invalidateQueries({ queryKey: flinkKeys.overview() }),
      ]);
    },
  });
}
