import { describe, expect, it, vi } from 'vitest';
import { allowOnlyEmptyHtml, installTrustedTypesPolicy, TRUSTED_TYPES_POLICY_NAME } from './trusted-types';

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
    expect(createPolicy).toHaveBeenCalledExactlyOnceWith('default', { createHTML: allowOnlyEmptyHtml });
    expect(TRUSTED_TYPES_POLICY_NAME).toBe('default');

    scope.trustedTypes.defaultPolicy = {};
    installTrustedTypesPolicy(scope);
    expect(createPolicy).toHaveBeenCalledTimes(1);
  });

  it('does nothing where there are no Trusted Types (jsdom, Firefox)', () => {
    expect(() => installTrustedTypesPolicy({})).not.toThrow();
    expect(() => installTrustedTypesPolicy()).not.toThrow();
  });
});
