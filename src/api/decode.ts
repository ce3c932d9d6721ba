// Decoding at the boundary: a parsed answer checked against its schema, or a `bad-shape` error
// that says where it differs. Its own module (valibot and errors only) so that a worker decoding
// large answers off the main thread (job-list-worker.ts) imports it without the client.

import * as v from 'valibot';
import { FlinkApiError } from './errors';

/** Formats valibot issues as `jobs[2].state: expected string, received undefined`. */
export function formatIssues(issues: readonly v.BaseIssue<unknown>[]): string[] {
  return issues.map((issue) => {
    let path = '';
    for (const item of issue.path ?? []) {
      const k = (item as { key: unknown }).key;
      if (typeof k === 'number') path += `[${k}]`;
      else if (typeof k === 'string' && /^[A-Za-z_$][\w$]*$/.test(k)) path += path ? `.${k}` : k;
      else path += `[${JSON.stringify(k)}]`;
    }
    const missingKey = issue.received === 'undefined' && /^".*"$/.test(issue.expected ?? '');
    const what = missingKey
      ? 'missing'
      : issue.expected
        ? `expected ${issue.expected}, received ${issue.received}`
        : issue.message;
    return `${path || '(root)'}: ${what}`;
  });
}

/** Decodes an already-parsed value at the boundary, or throws a `bad-shape` error. */
export function decode<S extends v.GenericSchema>(
  schema: S,
  value: unknown,
  endpoint: string,
  url = '',
  status = 0,
): v.InferOutput<S> {
  let result: v.SafeParseResult<S>;
  try {
    result = v.safeParse(schema, value);
  } catch (cause) {
    // valibot recurses along the data: an answer nested deeper than the stack (a Java cause
    // chain wrapped thousands of times, say) throws a RangeError, which must not escape as one.
    const why = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
    throw new FlinkApiError({
      kind: 'bad-shape',
      endpoint,
      url,
      status,
      cause,
      issues: [`(root): could not be decoded (${why})`],
    });
  }
  if (result.success) return result.output;
  throw new FlinkApiError({ kind: 'bad-shape', endpoint, url, status, issues: formatIssues(result.issues) });
}

const SNIPPET_LENGTH = 160;

export function snippetOf(text: string): string {
  // The page's visible text; its <title> only when the body says nothing.
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(text)?.[1] ?? '';
  const visible = text
    .replace(/<(script|style|head)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const flat = visible || title.replace(/\s+/g, ' ').trim();
  return flat.length > SNIPPET_LENGTH ? `${flat.slice(0, SNIPPET_LENGTH)}...` : flat;
}

/** Where an answer came from, for the errors its decoding reports. */
export interface AnswerOrigin {
  readonly endpoint: string;
  readonly url: string;
  readonly status: number;
}

/** Parses an answer's body (its text, or its bytes as UTF-8) as JSON, or throws a `not-json` error. */
export function parseJsonText(body: string | ArrayBuffer, at: AnswerOrigin): unknown {
  const text = typeof body === 'string' ? body : new TextDecoder().decode(body);
  try {
    return text.trim() === '' ? {} : JSON.parse(text);
  } catch (cause) {
    throw new FlinkApiError({ kind: 'not-json', ...at, snippet: snippetOf(text), cause });
  }
}
