import { defineManualCheck } from '../../src/core/check.js';

export default defineManualCheck({
  id: 'security.api-keys-regenerated',
  section: 'security',
  item: 'API keys regenerated from development values',
  severity: 'critical',
  verifies: 'Every third-party key and secret in production (Shopify, Gemini, AWS, Sentry, internal signing keys) was issued for production and differs from anything used during development.',
  attestation: 'Table of each credential (Shopify API key/secret, GEMINI_API_KEY, AWS access key or role, Sentry DSN, internal API signing keys) with its production creation date from the provider console, confirming it postdates development and that dev keys are revoked or scoped to dev projects.',
  remediation: 'Issue production-only keys in each console (Shopify Partners production app, Google Cloud production project, AWS IAM), set them in Railway production variables, revoke dev keys that ever reached production, and run gitleaks on the repo history.',
});
