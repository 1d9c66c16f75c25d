import type { CheckOutcome } from '../core/types.js';
import { httpProbe } from '../probes/http.js';
import { judgeHealth } from '../rules/health.js';
import type { CheckContext } from './check.js';
import { perService, serviceUrl } from './per-service.js';

/** Every service's health endpoint, judged; the probe is shared with any other check that asks for it in the run. */
export function verifyHealthEndpoints(ctx: CheckContext<{ maxResponseMs: number }>, passMessage: string): Promise<CheckOutcome> {
  return perService(
    ctx,
    async (_name, service) => {
      const response = await ctx.probe(httpProbe).fetch({ url: serviceUrl(service, service.health), followRedirects: false });
      return judgeHealth(response, ctx.options.maxResponseMs);
    },
    { failOnProbeErrors: ['refused', 'dns'], pass: passMessage },
  );
}
