import { createContext } from 'react';
import type { WallData } from './useWallData';

/**
 * The wall's data while the kiosk runs: polled by the kiosk frame on every view (so restart and
 * checkpoint histories have no gaps and the rotation knows the jobs), read by the wall.
 */
export const WallDataContext = createContext<WallData | null>(null);
