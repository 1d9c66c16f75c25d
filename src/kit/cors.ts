import type { ServiceConfig } from '../config/schema/services.js';
import { resolveUnder } from '../core/urls.js';
import { corsProbe } from '../probes/cors.js';
import { httpProbe } from '../probes/http.js';
import { corsAnswer, hostileOrigins, type CorsAnswer } from '../rules/cors.js';
import type { CheckContext } from './check.js';

export interface CorsObservation {
  answers: CorsAnswer[];
  /** The service's configured origins (may include "*"). */
  allowed: string[];
  evidence: { paths: string[]; hostileOrigins: string[]; developmentOrigins: { count: number; path: string | undefined }; allowedOrigins: string[]; requests: number };
}

/**
 * The matrix for one service: every hostile origin (see hostileOrigins) and every configured origin on `pathsOrUrls`,
 * and every development origin on the first of them. An allow-list is one list for the whole app, so a leftover
 * http://localhost:5173 shows on any route; asking each of the ~50 development origins on one path, with the GET
 * whose Access-Control-Allow-Origin decides whether a page may read the answer, keeps the requests to the target
 * bounded without dropping any of them.
 */
export async function observeCors(ctx: CheckContext<unknown>, service: Pick<ServiceConfig, 'url' | 'origins'>, pathsOrUrls: string[]): Promise<CorsObservation> {
  const allowed = service.origins ?? [];
  const hostile = hostileOrigins(service.url, allowed);
  const development = hostile.filter((h) => h.family === 'development');
  const everywhere = [...hostile.filter((h) => h.family !== 'development').map((h) => ({ origin: h.origin, hostile: true })), ...allowed.filter((o) => o !== '*').map((origin) => ({ origin, hostile: false }))];
  const first = pathsOrUrls[0];
  const [main, dev] = await Promise.all([
    ctx.probe(corsProbe).matrix(service.url, pathsOrUrls, everywhere),
    first === undefined ? Promise.resolve([]) : Promise.all(development.map((h) => developmentAnswer(ctx, resolveUnder(service.url, first), h.origin))),
  ]);
  const answers = [...main.map(({ response, ...asked }) => corsAnswer(response, asked)), ...dev];
  return {
    answers,
    allowed,
    evidence: {
      paths: pathsOrUrls,
      hostileOrigins: hostile.filter((h) => h.family !== 'development').map((h) => `${h.origin} (${h.why})`),
      developmentOrigins: { count: development.length, path: pathsOrUrls[0] },
      allowedOrigins: allowed,
      requests: answers.length,
    },
  };
}

/** The matrix's GET for one development origin (the same request, so shared with any other check that asks it). */
async function developmentAnswer(ctx: CheckContext<unknown>, url: string, origin: string): Promise<CorsAnswer> {
  const response = await ctx.probe(httpProbe).fetch({ url, headers: { origin }, followRedirects: false, maxBodyBytes: 16 * 1024 });
  return corsAnswer(response, { origin, hostile: true, method: 'GET', path: new URL(url).pathname });
}
