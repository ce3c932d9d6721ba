// What this feature needs from the rest of the app, passed in by the page (features do not import
// each other): the operations store's `trackOperation` and a confirmation dialog's `confirm`.
// The types are structural: the operations feature's functions fit them as they are.

import type { ReactNode } from 'react';

export type JarOperationKind = 'jar-upload' | 'jar-run' | 'jar-delete';

export interface JarOperationSpec {
  readonly kind: JarOperationKind;
  readonly subject?: string;
  readonly jobId?: string;
}

export type TrackedOutcome =
  | { readonly ok: true; readonly result?: string; readonly jobId?: string; readonly copyable?: boolean }
  | { readonly ok: false; readonly message: string; readonly detail?: string };

export interface RunContext {
  readonly progress: (fraction: number) => void;
  readonly note: (text: string) => void;
}

/** Starts an operation, follows it to its end (also after the page is left), resolves with how it ended. */
export type TrackOperation = (spec: JarOperationSpec, run: (context: RunContext) => Promise<TrackedOutcome>) => Promise<TrackedOutcome>;

export interface ConfirmRequest {
  readonly title: string;
  readonly message: ReactNode;
  readonly confirmLabel: string;
  readonly dismissLabel?: string;
  readonly danger?: boolean;
  readonly requireText?: string;
}

export type Confirm = (request: ConfirmRequest) => Promise<boolean>;
