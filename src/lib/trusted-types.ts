// The dashboard's one Trusted Types policy, for deployments whose Content-Security-Policy adds
// `require-trusted-types-for 'script'; trusted-types default` (see e2e/deploy/nginx-dashboard.conf).
//
// The app itself writes no HTML string: React renders text, d3 uses `.text()`, chart tooltips are
// drawn on the canvas (`renderMode: 'richText'`). One library does: ECharts' renderer (zrender)
// empties its container with `innerHTML = ''` when a chart is created and when it is disposed.
// Under Trusted Types that string goes to the policy named `default`, which lets the empty string
// through (it creates no markup) and refuses every other string: the browser then blocks the
// write and reports a violation, which the proxy spec (e2e/specs/proxy.spec.ts) counts.
//
// The same policy vets script URLs: the job graph's layout worker and the fleet's job-list worker
// (`new Worker(url)`) are script URL sinks. Only URLs of the dashboard's own origin pass (what
// `script-src 'self'` allows anyway).

/** The name the CSP's `trusted-types` directive must allow. */
export const TRUSTED_TYPES_POLICY_NAME = 'default';

interface TrustedTypesRules {
  createHTML: (input: string) => string | null;
  createScriptURL: (input: string) => string | null;
}

/** The slice of the Trusted Types API used here (TypeScript's DOM library does not declare it). */
interface TrustedTypePolicyFactoryLike {
  readonly defaultPolicy: unknown;
  createPolicy(name: string, rules: TrustedTypesRules): unknown;
}

declare global {
  interface Window {
    /** Absent where the browser has no Trusted Types. */
    readonly trustedTypes?: TrustedTypePolicyFactoryLike;
  }
}

/** The policy's rule: clearing an element is allowed, markup is not (null blocks the write). */
export function allowOnlyEmptyHtml(input: string): string | null {
  return input === '' ? '' : null;
}

/** Whether `url` (absolute, or relative to `page`) has the page's origin. */
export function isSameOriginUrl(url: string, page: string): boolean {
  try {
    const base = new URL(page);
    return new URL(url, base).origin === base.origin;
  } catch {
    return false;
  }
}

/** The policy's rule for script URLs (workers): the page's own origin only. */
export function allowSameOriginScriptUrl(input: string): string | null {
  return isSameOriginUrl(input, globalThis.location.href) ? input : null;
}

/** The rules of the one policy. */
export const TRUSTED_TYPES_RULES: TrustedTypesRules = {
  createHTML: allowOnlyEmptyHtml,
  createScriptURL: allowSameOriginScriptUrl,
};

/**
 * Creates the default policy once, where the browser has Trusted Types (not in jsdom or Firefox,
 * where the writes need no policy). Call before the first chart or worker is created.
 */
export function installTrustedTypesPolicy(scope: Pick<Window, 'trustedTypes'> = window): void {
  const factory = scope.trustedTypes;
  if (!factory || factory.defaultPolicy) return;
  factory.createPolicy(TRUSTED_TYPES_POLICY_NAME, TRUSTED_TYPES_RULES);
}
