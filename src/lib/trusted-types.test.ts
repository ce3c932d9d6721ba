import { describe, expect, it, vi } from 'vitest';
import {
  allowOnlyEmptyHtml,
  allowSameOriginScriptUrl,
  installTrustedTypesPolicy,
  isSameOriginUrl,
  TRUSTED_TYPES_POLICY_NAME,
} from './trusted-types';

describe('the Trusted Types policy', () => {
  it('lets a library clear an element and refuses every HTML string (null blocks the write)', () => {
    expect(allowOnlyEmptyHtml('')).toBe('');
    expect(allowOnlyEmptyHtml('<img src=x onerror=alert(1)>')).toBeNull();
    expect(allowOnlyEmptyHtml('plain text')).toBeNull();
    expect(allowOnlyEmptyHtml(' ')).toBeNull();
  });

  it('is created once, as the default policy the CSP names, where the browser has Trusted Types', () => {
    const createPolicy = vi.fn();
    const scope = { trustedTypes: { defaultPolicy: null as unknown, createPolicy } };
    installTrustedTypesPolicy(scope);
    expect(createPolicy).toHaveBeenCalledExactlyOnceWith('default', {
      createHTML: allowOnlyEmptyHtml,
      createScriptURL: allowSameOriginScriptUrl,
    });
    expect(TRUSTED_TYPES_POLICY_NAME).toBe('default');

    scope.trustedTypes.defaultPolicy = {};
    installTrustedTypesPolicy(scope);
    expect(createPolicy).toHaveBeenCalledTimes(1);
  });

  it("lets script URLs (the layout worker) through only from the page's own origin", () => {
    const page = 'https://dash.example.com/flink/#/jobs/abc/graph';
    expect(isSameOriginUrl('https://dash.example.com/flink/assets/layout.worker-x1.js', page)).toBe(true);
    expect(isSameOriginUrl('./assets/layout.worker-x1.js', page)).toBe(true);
    expect(isSameOriginUrl('/src/charts/job-graph/layout.worker.ts?worker_file&type=module', page)).toBe(true);
    expect(isSameOriginUrl('https://evil.example.net/x.js', page)).toBe(false);
    expect(isSameOriginUrl('//evil.example.net/x.js', page)).toBe(false);
    expect(isSameOriginUrl('data:text/javascript,alert(1)', page)).toBe(false);
    expect(isSameOriginUrl('javascript:alert(1)', page)).toBe(false);
    expect(isSameOriginUrl('http://dash.example.com/flink/assets/x.js', page)).toBe(false);
  });

  it('does nothing where there are no Trusted Types (jsdom, Firefox)', () => {
    expect(() => installTrustedTypesPolicy({})).not.toThrow();
    expect(() => installTrustedTypesPolicy()).not.toThrow();
  });
});
