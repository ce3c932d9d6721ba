export interface DownloadOptions {
  /** The Blob's MIME type. */
  type: string;
  /** Characters replaced by `_` in the file name (a global pattern). */
  unsafe: RegExp;
  /** The file name when nothing is left of the given one. */
  fallbackName: string;
}

/**
 * Saves text as a file through a Blob and an object URL (no server round trip, no data: URL)
 * and a hidden link with a download attribute; the URL is revoked once the browser has started
 * the download.
 */
export function downloadBlob(text: string, fileName: string, { type, unsafe, fallbackName }: DownloadOptions): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName.replace(unsafe, '_') || fallbackName;
  link.rel = 'noopener';
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // Revoking at once can cancel the download in some browsers: give it a moment to start.
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}
