import type { ServiceConfig } from '../config/schema/services.js';
import { corsProbe } from '../probes/cors.js';
import { corsAnswer, hostileOrigins, type CorsAnswer } from '../rules/cors.js';
import type { CheckContext } from './check.js';

export interface CorsObservation {
  answers: CorsAnswer[];
  /** The service's configured origins (may include "*"). */
  allowed: string[];
  evidence: { paths: string[]; hostileOrigins: string[]; allowedOrigins: string[]; requests: number };
}

/** The matrix for one service: every hostile origin (see hostileOrigins) and every configured origin, on `pathsOrUrls`. */
export async function observeCors(ctx: CheckContext<unknown>, service: Pick<ServiceConfig, 'url' | 'origins'>, pathsOrUrls: string[]): Promise<CorsObservation> {
  const allowed = service.origins ?? [];
  const hostile = hostileOrigins(service.url, allowed);
  const origins = [...hostile.map((h) => ({ origin: h.origin, hostile: true })), ...allowed.filter((o) => o !== '*').map((origin) => ({ origin, hostile: false }))];
  const exchanges = await ctx.probe(corsProbe).matrix(service.url, pathsOrUrls, origins);
  const answers = exchanges.map(({ response, ...asked }) => corsAnswer(response, asked));
  return {
    answers,
    allowed,
    evidence: { paths: pathsOrUrls, hostileOrigins: hostile.map((h) => `${h.origin} (${h.why})`), allowedOrigins: allowed, requests: answers.length },
  };
}
