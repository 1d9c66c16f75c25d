import { z } from 'zod';
import { duration, httpUrl, nonEmpty } from './common.js';

/** Where the deployed environment's variables come from, merged in order (later sources win). */
export const envSourceSchema = z.union([
  z.strictObject({ dotenv: nonEmpty.describe('Path to a dotenv file') }),
  z.strictObject({ json: nonEmpty.describe('Path to a JSON file holding a flat string map') }),
  z.strictObject({
    command: nonEmpty.describe('Command whose output lists the variables'),
    format: z.enum(['json', 'dotenv', 'kv']).default('json'),
    timeout: duration.optional(),
  }),
  z.strictObject({ process: z.literal(true).describe("Read this process's own environment") }),
], {
  error: () =>
    'expected one env source: { dotenv: <file> }, { json: <file> }, { command: <cmd>, format: json|dotenv|kv } or { process: true }',
});
export type EnvSourceConfig = z.infer<typeof envSourceSchema>;

export const databaseSchema = z.strictObject({
  url: nonEmpty.describe('PostgreSQL connection URL, usually "${DATABASE_URL}"'),
  migrations: nonEmpty.default('prisma/migrations'),
});

export const awsSchema = z.strictObject({
  region: nonEmpty,
  buckets: z.array(nonEmpty).default([]),
});

export const webhookSchema = z.strictObject({
  url: httpUrl,
  provider: z.string().default('generic'),
  secret: z.string().optional(),
});

export const logSourceSchema = z.union([
  z.strictObject({ file: nonEmpty }),
  z.strictObject({ command: nonEmpty, timeout: duration.optional() }),
], { error: () => 'expected one log source: { file: <path> } or { command: <cmd> }' });

/** Public pages the Documentation section points at (privacy policy, terms, docs, status page, …). */
export const urlsSchema = z.record(z.string(), httpUrl);

export const tlsSchema = z.strictObject({
  ca: nonEmpty.optional().describe('PEM file of extra trusted CAs (private PKI, or the demo target)'),
});
