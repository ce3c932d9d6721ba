import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { configureServerKind } from './api/history-server';
import { configureApi } from './api/settings';
import { activateSnapshot } from './api/snapshot';
import { App } from './app/App';
import { ConfigErrorPage } from './app/ConfigErrorPage';
import { preloadDeepLink, readDeepLinkFirst } from './app/router';
import { detectKiosk } from './app/kiosk-mode';
import { loadRuntimeConfig, type RuntimeConfig } from './app/runtime-config';
import { initTheme } from './app/theme';
import { openStoredSnapshot } from './features/snapshot/open-stored';
import { snapshotIdOf } from './features/snapshot/storage';
import { SnapshotUnavailablePage } from './features/snapshot/SnapshotUnavailablePage';
import { restoreSnapshotParts } from './lib/snapshot-parts';
import { freezeRefresh, setHistoryMode, setRefreshOverride } from './refresh/store';
import './app/styles.css';

async function start(): Promise<void> {
  const rootElement = document.getElementById('root');
  if (!rootElement) throw new Error('index.html has no #root element');
  const root = createRoot(rootElement);
  preloadDeepLink(window.location.hash);
  const result = await loadRuntimeConfig();
  if (!result.ok) {
    root.render(<ConfigErrorPage problems={result.problems} />);
    return;
  }
  const { config } = result;
  // An opened snapshot (`?snapshot=<id>`, kept in IndexedDB until closed): every query answers
  // from it, nothing is sent, nothing polls, nothing can be changed.
  const snapshotId = snapshotIdOf(window.location);
  let snapshot = false;
  if (snapshotId !== undefined) {
    const opened = await openStoredSnapshot(snapshotId);
    if (typeof opened === 'string') {
      root.render(<SnapshotUnavailablePage message={opened} />);
      return;
    }
    activateSnapshot(opened);
    restoreSnapshotParts(opened.histories);
    freezeRefresh('an opened snapshot');
    snapshot = true;
  }
  // Kiosk mode (`?kiosk`, or config.json `kiosk.enabled`): read-only whatever the file says, its
  // own polling rate from the first request on, dark unless configured otherwise, large type.
  const kiosk = detectKiosk(window.location, config);
  // An opened snapshot holds one cluster: with `clusters` in the file it shows as one, its views
  // at the routes without a cluster.
  const { clusters, ...single } = config;
  const appConfig: RuntimeConfig = snapshot ? single : config;
  if (snapshot && clusters) {
    const inCluster = /^#\/c\/[^/?]*(.*)$/.exec(window.location.hash);
    const rest = inCluster?.[1] ?? '';
    if (inCluster) window.history.replaceState(null, '', `#${rest.startsWith('/') ? rest : `/${rest}`}`);
  }
  // With several clusters, App makes each cluster active (client, History Server detection) as
  // the hash names it; without, the file's one cluster is the client's, from here on.
  if (!appConfig.clusters) {
    configureApi({
      baseUrl: config.apiBase,
      versionPrefix: config.restVersionPrefix ?? '',
      readOnly: config.readOnly || kiosk !== null || snapshot,
    });
    configureServerKind(config.kind === 'history' ? 'history' : 'detect');
    if (config.kind === 'history') setHistoryMode(true);
    readDeepLinkFirst(window.location.hash);
  }
  if (kiosk) {
    document.documentElement.classList.add('kiosk');
    if (kiosk.refreshIntervalMs !== null)
      setRefreshOverride({ intervalMs: kiosk.refreshIntervalMs, reason: 'kiosk mode' });
  }
  initTheme(kiosk ? kiosk.theme : config.theme);
  root.render(
    <StrictMode>
      <App config={appConfig} kiosk={kiosk} />
    </StrictMode>,
  );
}

void start();
