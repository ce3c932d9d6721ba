// The operations this feature starts, for the page's operations tracker (see lib/action-ports).
import type { TrackOperation as Track } from '../../lib/action-ports';

export type { Confirm, TrackedOutcome } from '../../lib/action-ports';

export type JarOperationKind = 'jar-upload' | 'jar-run' | 'jar-delete';

export interface JarOperationSpec {
  readonly kind: JarOperationKind;
  readonly subject?: string;
  readonly jobId?: string;
}

export type TrackOperation = Track<JarOperationSpec>;
