import { z } from 'zod';
import { SEVERITIES } from '../../core/types.js';
import { duration, isoDate, nonEmpty } from './common.js';
import { servicesSchema } from './services.js';
import { awsSchema } from './aws.js';
import { databaseSchema } from './database.js';
import { envSourceSchema } from './env.js';
import { logSourceSchema } from './logs.js';
import { tlsSchema } from './tls.js';
import { urlsSchema } from './urls.js';
import { webhookSchema } from './webhooks.js';
import { apiKeySchema } from './api-key.js';
import { oauthSchema } from './oauth.js';
import { repoSchema } from './repo.js';
import { integrationsSchema } from './integrations.js';

export const environmentSchema = z.strictObject({
  services: servicesSchema.optional(),
  env: z
    .array(envSourceSchema)
    .optional()
    .describe("Where the deployed environment's variables come from, merged in order (later sources win); values are judged, never printed"),
  database: databaseSchema.optional(),
  aws: awsSchema.optional(),
  webhooks: z.array(webhookSchema).optional().describe('Webhook endpoints of the application, probed with harmless deliveries'),
  apiKey: apiKeySchema.optional().describe('An API-key-protected route, probed with no key, a wrong key, a malformed header and the valid key'),
  oauth: oauthSchema.optional().describe('The Shopify OAuth install endpoint (and callback), probed without following redirects'),
  integrations: integrationsSchema.optional().describe('Widget, conversion-tracking and product-sync endpoints of the merchant integration, probed with a handful of harmless requests'),
  repo: repoSchema
    .optional()
    .describe("The application's repository (Railway config, Dockerfiles, CI workflows, test suites), relative to this file: a path, or { path, run, commands }"),
  logs: z.array(logSourceSchema).optional().describe('Log output scanned for leaked credentials (bounded reads)'),
  urls: urlsSchema.optional(),
  tls: tlsSchema.optional(),
});

/** The keys an environment may set, in schema order: the vocabulary a check's `needs` is written in. */
export type EnvironmentKey = keyof EnvironmentConfig;
export const ENVIRONMENT_KEYS = Object.keys(environmentSchema.shape) as readonly EnvironmentKey[];

/** Per-check overrides. `options` is validated later against the check's own schema. */
export const checkOverrideSchema = z.strictObject({
  severity: z.enum(SEVERITIES).optional().describe('Severity the gate judges this check at'),
  enabled: z.boolean().optional().describe('false leaves the check out of the run'),
  timeout: duration.optional().describe('Time limit for this check'),
  options: z.record(z.string(), z.unknown()).optional().describe("The check's own options (see `readiness explain <id>`)"),
});

/** A known failure accepted for a while: it stops gating until `expires`, and every report says so. */
export const waiverSchema = z.strictObject({
  check: nonEmpty.describe('Id of the failing check'),
  environment: nonEmpty.optional().describe('The environment it applies to; default: every environment'),
  reason: nonEmpty.describe('Why the failure is accepted for now'),
  owner: nonEmpty.describe('Who answers for it'),
  expires: isoDate.describe('The day it stops applying (YYYY-MM-DD)'),
});

export const gateSchema = z.strictObject({
  failOn: z.enum(SEVERITIES).default('high').describe('Lowest severity whose failures gate'),
  strict: z.boolean().default(false).describe('true: warnings gate too'),
  requireAttestations: z.boolean().default(false).describe('true: manual lines need a valid attestation'),
});

function environmentsOf<T extends z.ZodType>(value: T) {
  return z
    .record(z.string().regex(/^[A-Za-z0-9_.-]+$/, { message: 'expected a simple environment name' }), value)
    .refine((envs) => Object.keys(envs).length > 0, { message: 'expected at least one environment' });
}

export const configSchema = z.strictObject({
  version: z.literal(1, { message: 'expected version: 1' }).describe('Version of this file format'),
  environments: environmentsOf(environmentSchema).describe('Deployed environments by name; `readiness check <name>` verifies one'),
  checks: z
    .record(z.string(), checkOverrideSchema)
    .default({})
    .describe('Per-check overrides by check id: severity, enabled, timeout, and the check\'s own options'),
  gate: gateSchema
    .default({ failOn: 'high', strict: false, requireAttestations: false })
    .describe('The CI gate: exit 1 when a line at or above failOn fails or cannot be verified'),
  waivers: z.array(waiverSchema).default([]).describe('Accepted failures: they stop gating until they expire, and every report shows them'),
  attestations: nonEmpty.default('readiness.attestations.yaml').describe("Where `readiness attest` records people's attestations for manual lines"),
  concurrency: z.number().int().min(1).max(64).optional().describe('Checks run at once (default 16; --concurrency wins)'),
  timeout: duration.optional().describe('Time limit of each check (default 20s; --timeout wins)'),
  requestsPerOrigin: z
    .number()
    .int()
    .min(1)
    .max(32)
    .optional()
    .describe('HTTP requests in flight at once to one origin (scheme, host and port), whatever the concurrency (default 4); lower it for a target whose rate limit answers 429'),
});

/** The top level with environments left unparsed: each environment is validated on its own (see load.ts). */
export const topLevelSchema = configSchema.extend({
  environments: environmentsOf(z.unknown()),
});

export type ReadinessConfig = z.infer<typeof configSchema>;
export type EnvironmentConfig = z.infer<typeof environmentSchema>;
export type CheckOverride = z.infer<typeof checkOverrideSchema>;
export type Waiver = z.infer<typeof waiverSchema>;
export type GateConfig = z.infer<typeof gateSchema>;
