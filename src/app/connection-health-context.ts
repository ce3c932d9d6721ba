import { createContext, useContext, useSyncExternalStore } from 'react';
import { ConnectionHealth, type ConnectionStatus } from './connection-health';

export const ConnectionHealthContext = createContext<ConnectionHealth>(new ConnectionHealth());

export function useConnectionStatus(): ConnectionStatus {
  const health = useContext(ConnectionHealthContext);
  return useSyncExternalStore(health.subscribe, health.get, health.get);
}
