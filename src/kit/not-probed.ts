import { outcome } from '../core/outcome.js';
import type { CheckOutcome } from '../core/types.js';

/** The remediation of every webhook line with no webhook configured. */
export const CONFIGURE_WEBHOOKS = 'Configure webhooks: [{ url: https://api.example.com/webhooks/shopify, provider: shopify, secret: "${SHOPIFY_API_SECRET}" }].';

/**
 * A line whose endpoint the config does not name is not verified: manual, saying what is missing, what to configure so
 * readiness probes it, and what a person attests meanwhile — one wording for every line that probes a configured endpoint.
 */
export function notProbed(what: { missing: string; configure: string; attestation: string; remediation: string }): CheckOutcome {
  return outcome('manual', `not probed: ${what.missing}; ${what.configure}. Until then it needs a person's attestation: ${what.attestation}`, {
    remediation: what.remediation,
  });
}
