import { corsAnswer, hostileOrigins, type CorsAnswer } from '../rules/cors.js';
import type { HttpProbe } from './http.js';

export interface CorsProbeOrigin {
  origin: string;
  hostile: boolean;
}

/**
 * For each path and origin: a simple GET with Origin, and a preflight (OPTIONS with Access-Control-Request-Method:
 * POST and -Headers: authorization, content-type, as a credentialed JSON call sends). Redirects are not followed:
 * browsers fail a preflight that redirects. Identical requests are shared with other checks of the run.
 */
export async function corsMatrix(http: HttpProbe, baseUrl: string, pathsOrUrls: readonly string[], origins: readonly CorsProbeOrigin[]): Promise<CorsAnswer[]> {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const probes = [...new Set(pathsOrUrls)].flatMap((path) =>
    origins.flatMap(({ origin, hostile }) => {
      const url = new URL(path, base).href;
      const where = new URL(url).pathname;
      return [
        http
          .fetch({ url, headers: { origin }, followRedirects: false, maxBodyBytes: 16 * 1024 })
          .then((r) => corsAnswer(r, { origin, hostile, method: 'GET', path: where })),
        http
          .fetch({
            url,
            method: 'OPTIONS',
            headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
            followRedirects: false,
            maxBodyBytes: 16 * 1024,
          })
          .then((r) => corsAnswer(r, { origin, hostile, method: 'OPTIONS', path: where })),
      ];
    }),
  );
  return Promise.all(probes);
}

export interface CorsObservation {
  answers: CorsAnswer[];
  /** The service's configured origins (may include "*"). */
  allowed: string[];
  evidence: { paths: string[]; hostileOrigins: string[]; allowedOrigins: string[]; requests: number };
}

/** The matrix for one service: every hostile origin (see hostileOrigins) and every configured origin, on `pathsOrUrls`. */
export async function observeCors(http: HttpProbe, service: { url: string; origins?: string[] | undefined }, pathsOrUrls: string[]): Promise<CorsObservation> {
  const allowed = service.origins ?? [];
  const hostile = hostileOrigins(service.url, allowed);
  const origins = [...hostile.map((h) => ({ origin: h.origin, hostile: true })), ...allowed.filter((o) => o !== '*').map((origin) => ({ origin, hostile: false }))];
  const answers = await corsMatrix(http, service.url, pathsOrUrls, origins);
  return {
    answers,
    allowed,
    evidence: { paths: pathsOrUrls, hostileOrigins: hostile.map((h) => `${h.origin} (${h.why})`), allowedOrigins: allowed, requests: answers.length },
  };
}
