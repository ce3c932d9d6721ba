import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { configureApi } from './api/settings';
import { App } from './app/App';
import { ConfigErrorPage } from './app/ConfigErrorPage';
import { loadRuntimeConfig } from './app/runtime-config';
import { initTheme } from './app/theme';
import './app/styles.css';

async function start(): Promise<void> {
  const rootElement = document.getElementById('root');
  if (!rootElement) throw new Error('index.html has no #root element');
  const root = createRoot(rootElement);
  const result = await loadRuntimeConfig();
  if (!result.ok) {
    root.render(<ConfigErrorPage problems={result.problems} />);
    return;
  }
  const { config } = result;
  configureApi({
    baseUrl: config.apiBase,
    versionPrefix: config.restVersionPrefix ?? '',
    readOnly: config.readOnly,
  });
  initTheme(config.theme);
  root.render(
    <StrictMode>
      <App config={config} />
    </StrictMode>,
  );
}

void start();
