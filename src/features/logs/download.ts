/**
 * Saves text as a file through a Blob and an object URL (no server round trip, no data: URL);
 * the URL is revoked once the browser has started the download.
 */
export function downloadText(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName.replace(/[/\\]/g, '_') || 'log.txt';
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
