import { afterEach, describe, expect, it, vi } from 'vitest';
import { downloadBlob } from './download';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

function stubDownload() {
  vi.useFakeTimers();
  const blobs: Blob[] = [];
  const create = vi.fn((blob: Blob) => {
    blobs.push(blob);
    return 'blob:test/1';
  });
  const revoke = vi.fn();
  vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: create, revokeObjectURL: revoke }));
  const links: HTMLAnchorElement[] = [];
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    links.push(this);
  });
  return { blobs, links, revoke };
}

describe('downloadBlob', () => {
  it('saves the text under the sanitised name with the given type, then revokes the URL', () => {
    const { blobs, links, revoke } = stubDownload();
    downloadBlob('abc', 'a/b\\c:d.html', { type: 'application/octet-stream', unsafe: /[/\\:]/g, fallbackName: 'x' });
    expect(blobs[0]?.type).toBe('application/octet-stream');
    expect(blobs[0]?.size).toBe(3);
    expect(links).toHaveLength(1);
    expect(links[0]?.download).toBe('a_b_c_d.html');
    expect(links[0]?.href).toBe('blob:test/1');
    expect(links[0]?.rel).toBe('noopener');
    expect(document.querySelector('a[download]')).toBeNull();
    expect(revoke).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(revoke).toHaveBeenCalledWith('blob:test/1');
  });

  it('replaces only the given characters and falls back when the name is empty', () => {
    const { links } = stubDownload();
    const log = { type: 'text/plain;charset=utf-8', unsafe: /[/\\]/g, fallbackName: 'log.txt' };
    downloadBlob('x', 'a/b:c.log', log);
    downloadBlob('x', '', log);
    expect(links.map((l) => l.download)).toEqual(['a_b:c.log', 'log.txt']);
  });
});
