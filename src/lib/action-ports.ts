// What a feature that acts on the cluster needs from the rest of the app: a way to track an
// operation to its end and a way to ask for confirmation. Pages pass the operations feature's
// `trackOperation` and `confirm` in as props (features do not import each other); these types
// are structural, so those functions fit them as they are.

import type { ReactNode } from 'react';

/** How a tracked run ended, as a value. */
export type TrackedOutcome =
  | {
      readonly ok: true;
      /** One line: a savepoint's location, "checkpoint 42", a jar id, a job id. */
      readonly result?: string;
      /** A job the operation created or acted on (a run jar's new job), for a link. */
      readonly jobId?: string;
      /** The result is a path or id someone will paste elsewhere: offer to copy it. */
      readonly copyable?: boolean;
    }
  | {
      readonly ok: false;
      /** One line a person can act on. */
      readonly message: string;
      /** Flink's full text (exception and server-side trace), shown pre-wrapped on demand. */
      readonly detail?: string;
    };

export interface RunContext {
  /** Reports progress (0..1), for operations that know it. */
  readonly progress: (fraction: number) => void;
  /** Replaces the running note, e.g. "job is CANCELLING". */
  readonly note: (text: string) => void;
}

/**
 * What an operation is about, as the person who started it would name it. Each feature names its
 * own kinds ("jar-run", "cluster-shutdown"); the operations tracker accepts any of them.
 */
export interface ActionSpec<Kind extends string> {
  readonly kind: Kind;
  /** The job it acts on, for a link. */
  readonly jobId?: string;
  /** The application it acts on (Flink 2.3), for a link. */
  readonly applicationId?: string;
  /** A human name for the subject: the job's name, the jar's file name, a path. Untrusted text. */
  readonly subject?: string;
  /** The trigger id the client chose for it, when there is one (shown, and useful to resume). */
  readonly triggerId?: string;
}

/** Starts an operation, follows it to its end (also after the page is left), resolves with how it ended. */
export type TrackOperation<Spec> = (
  spec: Spec,
  run: (context: RunContext) => Promise<TrackedOutcome>,
) => Promise<TrackedOutcome>;

export interface ConfirmRequest {
  /** The dialog's heading: what is about to happen ("Cancel job?"). */
  readonly title: string;
  /** What it means, in a sentence or two. Untrusted names must be passed as text. */
  readonly message: ReactNode;
  /** The button that does it, named for the action ("Cancel job", "Delete jar"). */
  readonly confirmLabel: string;
  /** The button that backs out; "Back" by default. */
  readonly dismissLabel?: string;
  /** Red accents: the action destroys something. */
  readonly danger?: boolean;
  /** The user must type this text exactly before the action is enabled (shutting a cluster down). */
  readonly requireText?: string;
}

export type Confirm = (request: ConfirmRequest) => Promise<boolean>;
