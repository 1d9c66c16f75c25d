import { z } from 'zod';

/** The `compareWith` option of the reuse checks. */
export const compareWithOption = z
  .array(z.string().min(1))
  .optional()
  .describe('Environments to compare against; default: every other environment in the config');

/** Which environments to compare the selected one against. */
export function comparisonEnvironments(selected: string, configured: readonly string[], compareWith: readonly string[] | undefined): string[] {
  return (compareWith ?? configured).filter((name) => name !== selected);
}
