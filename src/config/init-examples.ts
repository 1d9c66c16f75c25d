import type { z } from 'zod';
import type { configSchema, environmentSchema } from './schema/index.js';

type EnvironmentInput = z.input<typeof environmentSchema>;
type TopLevelInput = Omit<z.input<typeof configSchema>, 'environments'>;

/** The values `readiness init` writes for its one environment, prod: a typical shop, typed against the schema. */
export const PROD_EXAMPLE: EnvironmentInput = {
  services: {
    api: { url: 'https://api.example.com', health: '/health' },
    dashboard: { url: 'https://app.example.com' },
    widget: { url: 'https://widget.example.com' },
  },
  env: [{ dotenv: '.env.production' }],
  database: { url: '${DATABASE_URL}', migrations: 'prisma/migrations' },
  aws: { region: 'us-east-1', buckets: ['shop-assets'] },
  webhooks: [{ url: 'https://api.example.com/webhooks/shopify', provider: 'shopify', secret: '${SHOPIFY_API_SECRET}' }],
  repo: '.',
  logs: [{ file: 'logs/api.log' }],
  urls: { privacy: 'https://example.com/privacy', terms: 'https://example.com/terms', support: 'https://example.com/support' },
};

/** More of the same keys, written commented out below the values above: the alternatives worth knowing. */
export const PROD_MORE: EnvironmentInput = {
  services: { api: { url: 'https://api.example.com', route: '/v1/products', origins: ['https://app.example.com'] } },
  env: [
    { json: 'env.production.json' },
    { command: 'railway variables --json --service api', format: 'json', timeout: '15s', service: 'api' },
    { process: true, only: ['APP_*'] },
  ],
  logs: [{ command: 'railway logs --service api --lines 2000' }],
  aws: {
    region: 'us-east-1',
    buckets: ['shop-uploads', { name: 'shop-public-assets', public: 'read', cdn: 'https://cdn.example.com/logo.png' }],
    profile: 'readiness',
    principal: 'role/shop-api',
    budgets: '123456789012',
    images: ['https://cdn.example.com/products/1.jpg'],
  },
  tls: { ca: 'certs/internal-ca.pem' },
};

export const TOP_LEVEL_EXAMPLE: TopLevelInput = {
  version: 1,
  checks: { 'security.rate-limiting': { severity: 'high' } },
  gate: { failOn: 'high', strict: false, requireAttestations: false },
  waivers: [],
  attestations: 'readiness.attestations.yaml',
  concurrency: 16,
  timeout: '20s',
};

export const TOP_LEVEL_MORE: Partial<TopLevelInput> = {
  checks: { 'testing.cross-browser': { enabled: false }, 'deployment.health-checks': { timeout: '5s', options: { maxResponseMs: 2000 } } },
  waivers: [{ check: 'infrastructure.cdn', environment: 'prod', reason: 'CDN lands next sprint', owner: 'jane@example.com', expires: '2027-01-31' }],
};
