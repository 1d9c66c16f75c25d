import type { EnvironmentConfig } from '../config/schema/index.js';
import type { ServiceConfig } from '../config/schema/services.js';

/** A storefront origin no real shop has: what readiness says it is when the config names no merchant. */
export const DEFAULT_MERCHANT_ORIGIN = 'https://readiness-probe.myshopify.com';

/**
 * The storefront the widget and conversion probes pretend to be: integrations.merchantOrigin, else the first exact
 * (wildcard-free) origin the widget service declares for its storefronts, else readiness's own probe store.
 */
export function merchantOriginOf(environment: EnvironmentConfig, widget?: Pick<ServiceConfig, 'origins'>): string {
  const configured = environment.integrations?.merchantOrigin;
  if (configured) return configured.replace(/\/$/, '');
  const declared = widget?.origins?.find((origin) => origin !== '*' && !origin.includes('*'));
  return declared?.replace(/\/$/, '') ?? DEFAULT_MERCHANT_ORIGIN;
}
