import { z } from 'zod';
import { duration, nonEmpty } from './common.js';

const maxBytes = z
  .number()
  .int()
  .positive()
  .max(1024 * 1024 * 1024)
  .optional()
  .describe('Read at most this many bytes (default 64 MiB): the newest end of a file, the start of command output');

/** Log output to scan for leaked credentials: files on this machine, or a command that prints logs. */
export const logSourceSchema = z.union([
  z.strictObject({ file: nonEmpty.describe('Path to a log file'), maxBytes }),
  z.strictObject({
    command: nonEmpty.describe('Command that prints logs, e.g. "railway logs --service api" (run by the shell)'),
    timeout: duration.optional().describe('Time limit for the command (default 15s)'),
    maxBytes,
  }),
], { error: () => 'expected one log source: { file: <path> } or { command: <cmd> }, each with an optional maxBytes' });
export type LogSourceConfig = z.infer<typeof logSourceSchema>;
