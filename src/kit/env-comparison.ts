import { comparisonEnvironments } from '../rules/compare-environments.js';
import type { CheckContext } from './check.js';
import { probeFailure } from './probe-failure.js';
import type { CheckOutcome } from '../core/types.js';
import { envProbe } from '../probes/env.js';

/** Another environment's secrets as keyed digests (digest → where it was found), or why they could not be read. */
export type Comparison = { name: string; digests: Map<string, string[]> } | { name: string; failure: CheckOutcome };

/** Reads the secret digests of every environment to compare the selected one with (option `compareWith`). */
export async function readComparisons(ctx: CheckContext<{ compareWith?: string[] | undefined }>): Promise<Comparison[]> {
  const names = comparisonEnvironments(ctx.environmentName, ctx.probe(envProbe).allEnvironments(), ctx.options.compareWith);
  return Promise.all(
    names.map(async (name): Promise<Comparison> => {
      try {
        return { name, digests: await ctx.probe(envProbe).secretDigests(name, ctx.signal) };
      } catch (error) {
        return { name, failure: probeFailure(error, []) };
      }
    }),
  );
}
