import { UsageError } from '../config/errors.js';
import { parseConfig, type LoadedConfig } from '../config/load.js';

/** The environment name a `--url` scan runs as, shown in reports. */
export const URL_SCAN_ENVIRONMENT = 'url';

/**
 * What `readiness check --url` runs, like ZAP's baseline scan: the HTTP and TLS lines that need nothing but the
 * address. Lines that need a declared endpoint (health), a service kind (widget CORS) or send bursts (rate
 * limiting) are left out, since on an undeclared target they would report the missing declaration, not the site.
 */
export const URL_SCAN_CHECKS = [
  'deployment.services-deployed',
  'security.https-enabled',
  'security.helmet-headers',
  'security.cors-origins',
  'infrastructure.ssl-certificates',
  'infrastructure.custom-domain',
  'infrastructure.dns-records',
  'infrastructure.cdn',
] as const;

export interface UrlScan {
  loaded: LoadedConfig;
  environment: string;
}

/**
 * A one-service configuration for `--url`, parsed by the real loader so the address gets the same validation
 * (and the same messages) as a `url:` in a config file.
 */
export function urlScan(value: string, environmentArgument: string | undefined): UrlScan {
  if (environmentArgument !== undefined) {
    throw new UsageError(`--url ${value} scans one address without a config; leave out the environment "${environmentArgument}" (or drop --url to check it)`);
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--url ${value}: expected an absolute http(s) URL such as https://app.example.com`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new UsageError(`--url ${value}: expected an http:// or https:// URL`);
  if (url.username !== '' || url.password !== '') throw new UsageError(`--url ${url.host}: leave credentials out of the URL`);
  const config = { version: 1, environments: { [URL_SCAN_ENVIRONMENT]: { services: { site: { url: url.href.replace(/\/$/, ''), kind: 'web' } } } } };
  // JSON is YAML; the label stands in for a file name in messages and resolves relative paths against the cwd.
  return { loaded: parseConfig(JSON.stringify(config), '--url'), environment: URL_SCAN_ENVIRONMENT };
}
