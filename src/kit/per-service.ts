import type { ProbeErrorCode } from '../core/errors.js';
import { combine, outcome, type Part } from '../core/outcome.js';
import type { CheckOutcome } from '../core/types.js';
import { serviceKind, type ServiceConfig, type ServiceKind } from '../config/schema/services.js';
import { httpProbe, type HttpRequest, type HttpResponse } from '../probes/http.js';
import type { CheckContext } from './check.js';
import { probeFailure } from './probe-failure.js';

export { serviceUrl } from '../config/service-url.js';

export interface PerServiceOptions {
  /** Probe failures that are themselves the verdict (e.g. refused for "is it deployed?"). */
  failOnProbeErrors?: readonly ProbeErrorCode[];
  /** The line's message when every service passed. */
  pass?: string;
  /** Judge only services of these kinds; when none is configured the line is `skip` with `none`. */
  kinds?: readonly ServiceKind[];
  none?: string;
}

/**
 * Judges every configured service and combines the verdicts into the line's one result. A probe failure in
 * one service becomes that service's `error` (or `fail` when the failure itself is the verdict), never a pass.
 */
export async function perService(
  ctx: CheckContext<unknown>,
  judge: (name: string, service: ServiceConfig) => Promise<CheckOutcome>,
  options: PerServiceOptions = {},
): Promise<CheckOutcome> {
  const kinds = options.kinds;
  const services = Object.entries(ctx.environment.services ?? {}).filter(([name, service]) => !kinds || kinds.includes(serviceKind(name, service)));
  if (services.length === 0 && kinds) {
    return outcome('skip', options.none ?? `no service of kind ${kinds.join(' or ')} is configured`);
  }
  const parts: Part[] = await Promise.all(
    services.map(async ([name, service]): Promise<Part> => {
      try {
        return { label: name, outcome: await judge(name, service) };
      } catch (error) {
        return { label: name, outcome: probeFailure(error, options.failOnProbeErrors ?? []) };
      }
    }),
  );
  return combine(parts, options.pass !== undefined ? { pass: options.pass } : {});
}

/**
 * The opening most HTTP lines share: for each service (of the kinds given), fetch its page — the base URL unless
 * `request` says otherwise — through the run's shared HTTP probe, and judge it.
 */
export function perServicePage(
  ctx: CheckContext<unknown>,
  judge: (page: HttpResponse, name: string, service: ServiceConfig) => CheckOutcome | Promise<CheckOutcome>,
  options: PerServiceOptions & { request?: (service: ServiceConfig) => HttpRequest } = {},
): Promise<CheckOutcome> {
  const http = ctx.probe(httpProbe);
  return perService(
    ctx,
    async (name, service) => judge(await http.fetch(options.request?.(service) ?? { url: service.url }), name, service),
    options,
  );
}
