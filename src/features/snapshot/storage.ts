// Where an opened snapshot lives until it is closed: IndexedDB (a snapshot may be tens of MB,
// beyond localStorage's few MB), as the file's text, under an id that the page's URL carries as
// `?snapshot=<id>` before the hash (`index.html?snapshot=<id>#/jobs/<jobId>/checkpoints`). In-app
// links change only the hash, so every view keeps the marker, and a reload (or the link opened in
// another tab of the same browser) opens the same snapshot. Opening a snapshot replaces the one
// stored before; "Close snapshot" deletes it.

const DB_NAME = 'flink-dashboard-snapshots';
const STORE = 'snapshots';

interface StoredSnapshot {
  readonly id: string;
  readonly text: string;
}

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'id' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB is not available'));
  });
}

async function transact<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openDb();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = work(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    });
  } finally {
    db.close();
  }
}

/** Keeps a snapshot's text (replacing any other) and returns its id. */
export async function storeSnapshot(text: string): Promise<string> {
  // getRandomValues, not randomUUID: the latter needs a secure context (a plain-http deployment).
  const id = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
  await transact('readwrite', (store) => store.clear());
  await transact('readwrite', (store) => store.put({ id, text } satisfies StoredSnapshot));
  return id;
}

export async function loadStoredSnapshot(id: string): Promise<string | undefined> {
  const found = (await transact('readonly', (store) => store.get(id))) as StoredSnapshot | undefined;
  return found?.text;
}

export async function deleteStoredSnapshot(id: string): Promise<void> {
  await transact('readwrite', (store) => store.delete(id));
}

const ID = /^[0-9a-f]{32}$/;

/** The snapshot id the page's URL names (`?snapshot=<id>`), if any. */
export function snapshotIdOf(location: Pick<Location, 'search'>): string | undefined {
  const id = new URLSearchParams(location.search).get('snapshot');
  return id !== null && ID.test(id) ? id : id === null ? undefined : '';
}

/** The page's URL with the snapshot marker set (or removed for null), and a route. */
export function urlWithSnapshot(location: Pick<Location, 'href'>, id: string | null, hash: string): string {
  const url = new URL(location.href);
  if (id === null) url.searchParams.delete('snapshot');
  else url.searchParams.set('snapshot', id);
  url.hash = hash;
  return url.href;
}
