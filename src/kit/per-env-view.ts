import { envProbe, type EnvView } from '../probes/env.js';
import type { CheckContext } from './check.js';
import { combine, type Part } from '../core/outcome.js';
import { probeFailure } from './probe-failure.js';
import type { CheckOutcome } from '../core/types.js';

/**
 * Judges each view of the selected environment's variables (one per service named by the env sources, or
 * one for the whole environment) and combines the verdicts. A source that cannot be read makes its views
 * `error` — never a pass on partial data.
 */
export async function perEnvView(
  ctx: CheckContext<unknown>,
  judge: (view: EnvView) => CheckOutcome | Promise<CheckOutcome>,
  summary: { pass?: string } = {},
): Promise<CheckOutcome> {
  const slots = ctx.probe(envProbe).slots(ctx.environmentName, ctx.signal);
  const parts: Part[] = await Promise.all(
    slots.map(async (slot): Promise<Part> => {
      try {
        return { label: slot.label, outcome: await judge(await slot.view) };
      } catch (error) {
        return { label: slot.label, outcome: probeFailure(error, []) };
      }
    }),
  );
  return combine(parts, summary);
}
