import { useContext, type ReactNode } from 'react';
import { HealthWall } from './HealthWall';
import { useWallData } from './useWallData';
import { WallDataContext } from './wall-context';

/** The wall outside kiosk mode polls for itself, and its tiles link to the jobs. */
function StandaloneWall(): ReactNode {
  const data = useWallData();
  return <HealthWall data={data} interactive />;
}

/** `#/kiosk`: the health wall, with the kiosk frame's data when the kiosk runs. */
export function WallPage(): ReactNode {
  const shared = useContext(WallDataContext);
  return shared ? <HealthWall data={shared} interactive={false} /> : <StandaloneWall />;
}
