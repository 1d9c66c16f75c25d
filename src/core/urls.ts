/**
 * `path` resolved under `base` as a directory: https://api.example/v1 + health → https://api.example/v1/health.
 * (WHATWG resolution alone would drop the last segment of a base without a trailing slash.)
 */
export function resolveUnder(base: string, path: string): string {
  return new URL(path, base.endsWith('/') ? base : `${base}/`).href;
}
