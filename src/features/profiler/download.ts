/**
 * Saves a profiler result as a file. The Blob's type is application/octet-stream and the link has
 * a download attribute, so the browser saves it and never opens the HTML (and its script) in the
 * dashboard's origin.
 */
export function downloadFile(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/octet-stream' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName.replace(/[/\\:]/g, '_') || 'profile.html';
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
