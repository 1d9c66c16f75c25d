import { z } from 'zod';
import { duration, nonEmpty } from './common.js';

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
