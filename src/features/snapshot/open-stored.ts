import { parseSnapshot, type Snapshot } from '../../api/snapshot';
import { loadStoredSnapshot } from './storage';

/** The snapshot the URL's marker names, from the browser's storage, or why it cannot be shown. */
export async function openStoredSnapshot(id: string): Promise<Snapshot | string> {
  if (id === '') return 'The link names a snapshot with a malformed id.';
  let text: string | undefined;
  try {
    text = await loadStoredSnapshot(id);
  } catch {
    return "The browser's storage could not be read, so the snapshot cannot be shown.";
  }
  if (text === undefined) {
    return 'This snapshot is not kept in this browser: it was closed, or the link comes from another browser.';
  }
  const parsed = parseSnapshot(text);
  return parsed.ok ? parsed.snapshot : parsed.message;
}
