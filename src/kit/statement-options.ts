import { z } from 'zod';
import { DEFAULT_MIN_REPEAT_CALLS, DEFAULT_TIME_SHARE_PERCENT } from '../rules/database-statements.js';

/** Which pg_stat_statements rows count, shared by the load-test line and the 24-hour review so both judge alike. */
export const statementOptions = z.strictObject({
  minCalls: z.number().int().min(1).default(100).describe('Statements called this often are always judged'),
  slowMeanMs: z.number().positive().default(100).describe('A mean execution time at or above this many ms warns'),
  timeSharePercent: z
    .number()
    .min(1)
    .max(100)
    .default(DEFAULT_TIME_SHARE_PERCENT)
    .describe('The heaviest statements making up this percent of the total statement time are judged too, however few their calls'),
  minRepeatCalls: z.number().int().min(1).default(DEFAULT_MIN_REPEAT_CALLS).describe('Statements run fewer times are never judged (one-off admin queries)'),
});
