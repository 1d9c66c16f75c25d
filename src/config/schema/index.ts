import { z } from 'zod';
import { SEVERITIES } from '../../core/types.js';
import { duration, nonEmpty } from './common.js';
import { servicesSchema } from './services.js';
import { awsSchema } from './aws.js';
import { databaseSchema } from './database.js';
import { envSourceSchema } from './env.js';
import { logSourceSchema } from './logs.js';
import { tlsSchema, urlsSchema } from './urls.js';
import { webhookSchema } from './webhooks.js';

export const environmentSchema = z.strictObject({
  services: servicesSchema.optional(),
  env: z.array(envSourceSchema).optional(),
  database: databaseSchema.optional(),
  aws: awsSchema.optional(),
  webhooks: z.array(webhookSchema).optional(),
  repo: nonEmpty.optional(),
  logs: z.array(logSourceSchema).optional(),
  urls: urlsSchema.optional(),
  tls: tlsSchema.optional(),
});

/** Per-check overrides. `options` is validated later against the check's own schema. */
export const checkOverrideSchema = z.strictObject({
  severity: z.enum(SEVERITIES).optional(),
  enabled: z.boolean().optional(),
  timeout: duration.optional(),
  options: z.record(z.string(), z.unknown()).optional(),
});

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected a date as YYYY-MM-DD' });

/** A known failure accepted for a while: it stops gating until `expires`, and every report says so. */
export const waiverSchema = z.strictObject({
  check: nonEmpty,
  environment: nonEmpty.optional(),
  reason: nonEmpty,
  owner: nonEmpty,
  expires: isoDate,
});

export const gateSchema = z.strictObject({
  failOn: z.enum(SEVERITIES).default('high'),
  strict: z.boolean().default(false),
  requireAttestations: z.boolean().default(false),
});

function environmentsOf<T extends z.ZodType>(value: T) {
  return z
    .record(z.string().regex(/^[A-Za-z0-9_.-]+$/, { message: 'expected a simple environment name' }), value)
    .refine((envs) => Object.keys(envs).length > 0, { message: 'expected at least one environment' });
}

export const configSchema = z.strictObject({
  version: z.literal(1, { message: 'expected version: 1' }),
  environments: environmentsOf(environmentSchema),
  checks: z.record(z.string(), checkOverrideSchema).default({}),
  gate: gateSchema.default({ failOn: 'high', strict: false, requireAttestations: false }),
  waivers: z.array(waiverSchema).default([]),
  attestations: nonEmpty.default('readiness.attestations.yaml'),
  concurrency: z.number().int().min(1).max(64).optional(),
  timeout: duration.optional(),
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
