// The operations this feature starts, for the page's operations tracker (see lib/action-ports).
import type { TrackOperation as Track } from '../../lib/action-ports';

export type { Confirm, TrackedOutcome } from '../../lib/action-ports';

export type ClusterOperationKind = 'dataset-deletion' | 'savepoint-disposal' | 'cluster-shutdown';

export interface ClusterOperationSpec {
  readonly kind: ClusterOperationKind;
  readonly subject?: string;
  readonly triggerId?: string;
}

export type TrackOperation = Track<ClusterOperationSpec>;
