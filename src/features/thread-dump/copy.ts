export type CopyOutcome = 'copied' | 'selected' | 'failed';

/**
 * Copies text to the clipboard. Without the async clipboard (an insecure origin, a denied
 * permission) it falls back to selecting `fallback`'s text, so Ctrl+C finishes the job.
 */
export async function copyText(text: string, fallback?: Element | null): Promise<CopyOutcome> {
  try {
    if (typeof navigator !== 'undefined' && navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return 'copied';
    }
  } catch {
    // fall through to selecting the text
  }
  if (fallback && typeof window !== 'undefined') {
    const selection = window.getSelection();
    if (selection) {
      const range = document.createRange();
      range.selectNodeContents(fallback);
      selection.removeAllRanges();
      selection.addRange(range);
      return 'selected';
    }
  }
  return 'failed';
}

export function copyMessage(outcome: CopyOutcome): string {
  switch (outcome) {
    case 'copied':
      return 'Copied to the clipboard.';
    case 'selected':
      return 'The clipboard is not available here: the text is selected, press Ctrl+C (⌘C) to copy it.';
    case 'failed':
      return 'Could not copy: the clipboard is not available here.';
  }
}
