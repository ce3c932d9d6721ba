import { createContext, useContext } from 'react';
import type { KioskSettings } from './kiosk-mode';

/** The kiosk settings of this page load, or null when it is not a kiosk. */
export const KioskContext = createContext<KioskSettings | null>(null);

export function useKiosk(): KioskSettings | null {
  return useContext(KioskContext);
}
