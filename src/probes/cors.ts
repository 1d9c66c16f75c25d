import { resolveUnder } from '../core/urls.js';
import { httpProbe, type HttpProbe, type HttpResponse } from './http.js';
import { defineProbe } from './registry.js';

export interface CorsRequestOrigin {
  origin: string;
  hostile: boolean;
}

/** One answer of the matrix, with what was asked. */
export interface CorsExchange {
  origin: string;
  hostile: boolean;
  method: 'GET' | 'OPTIONS';
  /** Path of the URL asked. */
  path: string;
  response: HttpResponse;
}

/**
 * For each path and origin: a simple GET with Origin, and a preflight (OPTIONS with Access-Control-Request-Method:
 * POST and -Headers: authorization, content-type, as a credentialed JSON call sends). Redirects are not followed:
 * browsers fail a preflight that redirects. Identical requests are shared with other checks of the run.
 */
export class CorsProbe {
  constructor(private readonly http: HttpProbe) {}

  matrix(baseUrl: string, pathsOrUrls: readonly string[], origins: readonly CorsRequestOrigin[]): Promise<CorsExchange[]> {
    const exchanges = [...new Set(pathsOrUrls)].flatMap((path) =>
      origins.flatMap(({ origin, hostile }) => {
        const url = resolveUnder(baseUrl, path);
        const where = new URL(url).pathname;
        const asked = (method: 'GET' | 'OPTIONS') => (response: HttpResponse): CorsExchange => ({ origin, hostile, method, path: where, response });
        return [
          this.http.fetch({ url, headers: { origin }, followRedirects: false, maxBodyBytes: 16 * 1024 }).then(asked('GET')),
          this.http
            .fetch({
              url,
              method: 'OPTIONS',
              headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
              followRedirects: false,
              maxBodyBytes: 16 * 1024,
            })
            .then(asked('OPTIONS')),
        ];
      }),
    );
    return Promise.all(exchanges);
  }
}

export const corsProbe = defineProbe<CorsProbe>({
  name: 'cors',
  describes: 'For each path and origin: a GET with Origin and an OPTIONS preflight (POST, authorization and content-type), redirects not followed, 16 KiB body cap.',
  create: (run) => new CorsProbe(run.get(httpProbe)),
});
