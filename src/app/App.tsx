import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { RouterProvider } from 'react-router-dom';
import { ConnectionHealth } from './connection-health';
import { ConnectionHealthContext } from './connection-health-context';
import { createQueryClient } from './query-client';
import { createAppRouter } from './router';
import { RuntimeConfigContext } from './runtime-config-context';
import type { RuntimeConfig } from './runtime-config';

export function App({ config }: { config: RuntimeConfig }): ReactNode {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(createAppRouter);
  const [health] = useState(() => new ConnectionHealth());
  useEffect(() => health.follow(queryClient.getQueryCache()), [health, queryClient]);
  return (
    <RuntimeConfigContext.Provider value={config}>
      <ConnectionHealthContext.Provider value={health}>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </ConnectionHealthContext.Provider>
    </RuntimeConfigContext.Provider>
  );
}
