import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { RouterProvider } from 'react-router-dom';
import { ConnectionHealth } from './connection-health';
import { ConnectionHealthContext, useConnectionStatus } from './connection-health-context';
import { KioskContext } from './kiosk-context';
import { hashAsksForKiosk, type KioskSettings } from './kiosk-mode';
import { createQueryClient } from './query-client';
import { useRefreshController } from './refresh-controller';
import { createAppRouter } from './router';
import { RuntimeConfigContext } from './runtime-config-context';
import type { RuntimeConfig } from './runtime-config';

/** Applies the deployment's default interval, kiosk mode's rate and the back-off while down. */
function RefreshController({ config, kiosk }: { config: RuntimeConfig; kiosk: KioskSettings | null }): null {
  const connection = useConnectionStatus();
  useRefreshController({
    kioskIntervalMs: kiosk ? kiosk.refreshIntervalMs : undefined,
    deploymentDefaultMs: config.refreshIntervalMs,
    connection,
  });
  return null;
}

export function App({ config, kiosk = null }: { config: RuntimeConfig; kiosk?: KioskSettings | null }): ReactNode {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(createAppRouter);
  const [health] = useState(() => new ConnectionHealth());
  useEffect(() => health.follow(queryClient.getQueryCache()), [health, queryClient]);
  // Kiosk mode is decided at start-up (read-only client, rate, theme): a link that asks for it
  // later (`#/?kiosk`) starts the page again.
  useEffect(() => {
    if (kiosk) return undefined;
    const onHashChange = (): void => {
      if (hashAsksForKiosk(window.location.hash)) window.location.reload();
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, [kiosk]);
  return (
    <RuntimeConfigContext.Provider value={config}>
      <KioskContext.Provider value={kiosk}>
        <ConnectionHealthContext.Provider value={health}>
          <RefreshController config={config} kiosk={kiosk} />
          <QueryClientProvider client={queryClient}>
            <RouterProvider router={router} />
          </QueryClientProvider>
        </ConnectionHealthContext.Provider>
      </KioskContext.Provider>
    </RuntimeConfigContext.Provider>
  );
}
