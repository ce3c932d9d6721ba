// The run form's values -> the body of POST /jars/:jarid/run (and of its plan), pure.

import type { JarProgram, JarRunRequest } from '../../api/jars';
import { programArgs } from './plan-model';

export interface RunFormValues {
  readonly entryClass: string;
  readonly args: string;
  readonly parallelism: string;
  readonly savepointPath: string;
  readonly allowNonRestoredState: boolean;
}

export const EMPTY_RUN_FORM: RunFormValues = {
  entryClass: '',
  args: '',
  parallelism: '',
  savepointPath: '',
  allowNonRestoredState: false,
};

export function programFrom(values: RunFormValues): { ok: true; program: JarProgram } | { ok: false; problem: string } {
  const entryClass = values.entryClass.trim();
  if (entryClass && !/^[\p{L}_$][\p{L}\p{N}_$]*(\.[\p{L}_$][\p{L}\p{N}_$]*)*$/u.test(entryClass)) {
    return { ok: false, problem: 'The entry class must be a fully qualified Java class name, e.g. com.example.MyJob.' };
  }
  const p = values.parallelism.trim();
  let parallelism: number | undefined;
  if (p) {
    parallelism = /^\d+$/.test(p) ? Number(p) : NaN;
    if (!Number.isSafeInteger(parallelism) || parallelism < 1)
      return { ok: false, problem: 'The parallelism must be a whole number of at least 1.' };
  }
  const args = programArgs(values.args);
  return {
    ok: true,
    program: {
      ...(entryClass ? { entryClass } : {}),
      ...(args.length ? { programArgsList: args } : {}),
      ...(parallelism === undefined ? {} : { parallelism }),
    },
  };
}

export function runRequestFrom(
  values: RunFormValues,
): { ok: true; request: JarRunRequest } | { ok: false; problem: string } {
  const program = programFrom(values);
  if (!program.ok) return program;
  const savepointPath = values.savepointPath.trim();
  return {
    ok: true,
    request: {
      ...program.program,
      ...(savepointPath ? { savepointPath, allowNonRestoredState: values.allowNonRestoredState } : {}),
    },
  };
}
