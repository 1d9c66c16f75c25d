import testValues from './data/test-values.json' with { type: 'json' };

/**
 * Vendor key shapes. A prefix is public (vendors document it, and it says nothing of the rest), so evidence
 * may show it; the rest of a key never appears.
 */
export interface KeyPrefix {
  prefix: string;
  vendor: string;
  /** Issued for a test, sandbox or development mode. */
  testMode?: boolean;
  /** Meant to be public (shipped to browsers): reuse across environments is not a leak. */
  publishable?: boolean;
}

export const KEY_PREFIXES: readonly KeyPrefix[] = [
  { prefix: 'sk_live_', vendor: 'Stripe live secret key' },
  { prefix: 'rk_live_', vendor: 'Stripe live restricted key' },
  { prefix: 'pk_live_', vendor: 'Stripe live publishable key', publishable: true },
  { prefix: 'whsec_', vendor: 'Stripe webhook signing secret' },
  { prefix: 'rzp_live_', vendor: 'Razorpay live key' },
  { prefix: 'sq0atp-', vendor: 'Square access token' },
  { prefix: 'sq0csp-', vendor: 'Square application secret' },
  { prefix: 'AKIA', vendor: 'AWS access key id (long-term)' },
  { prefix: 'ASIA', vendor: 'AWS access key id (temporary, STS)' },
  { prefix: 'AIza', vendor: 'Google API key' },
  { prefix: 'AQ.', vendor: 'Google API key (AQ. form)' },
  { prefix: 'ghp_', vendor: 'GitHub personal access token' },
  { prefix: 'github_pat_', vendor: 'GitHub fine-grained token' },
  { prefix: 'gho_', vendor: 'GitHub OAuth token' },
  { prefix: 'ghs_', vendor: 'GitHub app token' },
  { prefix: 'glpat-', vendor: 'GitLab personal access token' },
  { prefix: 'xoxb-', vendor: 'Slack bot token' },
  { prefix: 'xoxp-', vendor: 'Slack user token' },
  { prefix: 'shpat_', vendor: 'Shopify admin API access token' },
  { prefix: 'shpss_', vendor: 'Shopify shared secret' },
  { prefix: 'shpca_', vendor: 'Shopify custom app token' },
  { prefix: 'SG.', vendor: 'SendGrid API key' },
  { prefix: 'sk-ant-', vendor: 'Anthropic API key' },
  { prefix: 'sk-proj-', vendor: 'OpenAI project key' },
  { prefix: 'npm_', vendor: 'npm token' },
  { prefix: 'dp.st.', vendor: 'Doppler service token' },
  { prefix: 'base64:', vendor: 'Laravel-style base64 key' },
  // Test-mode and sandbox prefixes, with their sources, live in data/test-values.json.
  ...testValues.keyPrefixes.map((k) => ({ prefix: k.prefix, vendor: k.vendor, testMode: true, ...('publishable' in k && k.publishable ? { publishable: true } : {}) })),
];

export function keyPrefix(value: string): KeyPrefix | undefined {
  return KEY_PREFIXES.find((k) => value.startsWith(k.prefix) && value.length > k.prefix.length + 8);
}

/** The part of a key that carries its entropy: a documented vendor prefix adds none. */
export function withoutPrefix(value: string): string {
  const known = keyPrefix(value);
  return known ? value.slice(known.prefix.length) : value;
}

export const GOOGLE_API_KEY = /^(AIza[0-9A-Za-z_-]{35}|AQ\.[0-9A-Za-z_-]{20,})$/;
export const AWS_ACCESS_KEY_ID = /^(AKIA|ASIA)[A-Z2-7]{16}$/;
