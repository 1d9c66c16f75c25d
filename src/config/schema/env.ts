import { z } from 'zod';
import { duration, nonEmpty } from './common.js';

const service = z
  .string()
  .regex(/^[a-z][a-z0-9_-]*$/, { message: 'expected a lower-case service name' })
  .optional()
  .describe('The service these variables belong to (e.g. api); without it they apply to every service');

/** Where the deployed environment's variables come from, merged in order (later sources win). */
export const envSourceSchema = z.union([
  z.strictObject({ dotenv: nonEmpty.describe('Path to a dotenv file'), service }),
  z.strictObject({ json: nonEmpty.describe('Path to a JSON file holding a flat string map'), service }),
  z.strictObject({
    command: nonEmpty.describe('Command whose output lists the variables (run by the shell, in the config file\'s directory)'),
    format: z.enum(['json', 'dotenv', 'kv']).default('json').describe('How the output is parsed'),
    timeout: duration.optional().describe('Time limit for the command (default 15s)'),
    service,
  }),
  z.strictObject({
    process: z.literal(true).describe("Read this process's own environment"),
    only: z
      .array(nonEmpty)
      .optional()
      .describe('Only these variables (a trailing * matches a prefix, e.g. APP_*); default: all'),
    service,
  }),
], {
  error: () =>
    'expected one env source: { dotenv: <file> }, { json: <file> }, { command: <cmd>, format: json|dotenv|kv } or { process: true }, each with an optional service: <name>',
});
export type EnvSourceConfig = z.infer<typeof envSourceSchema>;
