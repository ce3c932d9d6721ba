import { useSyncExternalStore } from 'react';
import { ALERT_SETTINGS_KEY, parseAlertSettings, type AlertSettings } from '../../lib/job-alerts';

// The notification settings of this browser (localStorage), shared by the job header's bell, the
// settings panel and the notifier; other tabs see changes through the storage event.

const listeners = new Set<() => void>();
let cachedRaw: string | null | undefined;
let cached: AlertSettings = parseAlertSettings(null);

function read(): AlertSettings {
  let raw: string | null;
  try {
    raw = window.localStorage.getItem(ALERT_SETTINGS_KEY);
  } catch {
    raw = null;
  }
  if (raw !== cachedRaw) {
    cachedRaw = raw;
    cached = parseAlertSettings(raw);
  }
  return cached;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent): void => {
    if (event.key === ALERT_SETTINGS_KEY) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

export function saveAlertSettings(settings: AlertSettings): void {
  try {
    window.localStorage.setItem(ALERT_SETTINGS_KEY, JSON.stringify(settings));
  } catch {
    // Storage refused (private mode, quota): the setting lasts as long as the page.
    cachedRaw = JSON.stringify(settings);
    cached = settings;
  }
  for (const listener of listeners) listener();
}

export function useAlertSettings(): AlertSettings {
  return useSyncExternalStore(subscribe, read, read);
}

/** The browser's permission: `unsupported` where there is no Notification API. */
export function notificationPermission(): NotificationPermission | 'unsupported' {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}
