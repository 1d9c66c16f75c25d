import { z } from 'zod';
import { duration, nonEmpty } from './common.js';

export const logSourceSchema = z.union([
  z.strictObject({ file: nonEmpty }),
  z.strictObject({ command: nonEmpty, timeout: duration.optional() }),
], { error: () => 'expected one log source: { file: <path> } or { command: <cmd> }' });
