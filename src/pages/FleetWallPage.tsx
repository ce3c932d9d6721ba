import type { ReactNode } from 'react';
import { useKiosk } from '../app/kiosk-context';
import { useRuntimeConfig } from '../app/runtime-config-context';
import { clustersOf } from '../app/runtime-config';
import { FleetWall } from '../features/fleet/FleetWall';

/** `#/kiosk` in the fleet: the health wall of every cluster (links only outside kiosk mode). */
export function FleetWallPage(): ReactNode {
  const clusters = clustersOf(useRuntimeConfig());
  const kiosk = useKiosk() !== null;
  return <FleetWall clusters={clusters} interactive={!kiosk} />;
}
