import type { ServiceConfig } from '../config/schema/services.js';
import { isProbeError, type ProbeErrorCode } from '../probes/errors.js';
import type { CheckContext } from './check.js';
import { combine, outcome, type Part } from './outcome.js';
import type { CheckOutcome } from './types.js';

/**
 * Judges every configured service and combines the verdicts into the line's one result. A probe failure in
 * one service becomes that service's `error` (or `fail` when the failure itself is the verdict), never a pass.
 */
export async function perService(
  ctx: CheckContext<unknown>,
  judge: (name: string, service: ServiceConfig) => Promise<CheckOutcome>,
  options: {
    failOnProbeErrors?: readonly ProbeErrorCode[];
    pass?: string;
    /** Judge only the services this accepts (e.g. by kind); when it accepts none the line is `skip` with `none`. */
    only?: (name: string, service: ServiceConfig) => boolean;
    none?: string;
  } = {},
): Promise<CheckOutcome> {
  const services = Object.entries(ctx.environment.services ?? {}).filter(([name, service]) => options.only?.(name, service) ?? true);
  if (services.length === 0 && options.only) return outcome('skip', options.none ?? 'no configured service is of the kind this line is about');
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

/** A probe error as an outcome: `fail` when its code is itself the verdict (e.g. refused for "is it up?"), else `error`. */
export function probeFailure(error: unknown, failOn: readonly ProbeErrorCode[]): CheckOutcome {
  if (isProbeError(error)) {
    const evidence = { reason: error.code, ...(error.detail ? { detail: error.detail } : {}) };
    return outcome(failOn.includes(error.code) ? 'fail' : 'error', error.message, { evidence });
  }
  throw error;
}

export function serviceUrl(service: ServiceConfig, pathname: string): string {
  return new URL(pathname, service.url.endsWith('/') ? service.url : `${service.url}/`).href;
}
