import { isProbeError } from '../core/errors.js';
import { resolveUnder } from '../core/urls.js';
import { isHtml, scriptUrls } from './html.js';
import { httpProbe, type HttpProbe, type HttpResponse } from './http.js';
import { defineProbe } from './registry.js';
import { sameSite } from './sites.js';

/** Scripts fetched per page: enough to see the entry bundle and its first chunks, few enough to stay cheap. */
export const MAX_SCRIPTS_PER_PAGE = 5;

export interface FetchedAsset {
  url: string;
  response?: HttpResponse;
  /** Why it could not be fetched (timeout, reset, …). */
  failure?: { code: string; message: string };
}

/** Pages and the scripts they load, observed through the run's HTTP probe (so every fetch is shared and capped). */
export class PagesProbe {
  constructor(private readonly http: HttpProbe) {}

  /** The scripts a page loads from its own site (same host or same registrable domain). */
  async scripts(page: HttpResponse, extra: readonly string[] = []): Promise<FetchedAsset[]> {
    const found = isHtml(page) ? scriptUrls(page.body, page.url).filter((url) => /^https?:/.test(url) && sameSite(url, page.url)) : [];
    const urls = [...new Set([...extra, ...found])].slice(0, MAX_SCRIPTS_PER_PAGE);
    return Promise.all(urls.map((url) => this.asset(url)));
  }

  async asset(url: string, maxBodyBytes?: number): Promise<FetchedAsset> {
    try {
      return { url, response: await this.http.fetch({ url, ...(maxBodyBytes ? { maxBodyBytes } : {}) }) };
    } catch (error) {
      if (isProbeError(error)) return { url, failure: { code: error.code, message: error.message } };
      throw error;
    }
  }

  /**
   * The first path of `paths` that answers 2xx, following redirects. Error pages often carry other (stricter or
   * laxer) headers than the real pages, so judgements about "the page" need a successful one.
   */
  async firstSuccessful(baseUrl: string, paths: readonly string[]): Promise<{ page: HttpResponse | undefined; tried: { url: string; status: number }[] }> {
    const tried: { url: string; status: number }[] = [];
    for (const path of [...new Set(paths)]) {
      const response = await this.http.fetch({ url: resolveUnder(baseUrl, path) });
      tried.push({ url: response.url, status: response.status });
      if (response.status >= 200 && response.status < 300) return { page: response, tried };
    }
    return { page: undefined, tried };
  }
}

export const pagesProbe = defineProbe<PagesProbe>({
  name: 'pages',
  describes: `A page's own-site scripts (at most ${MAX_SCRIPTS_PER_PAGE}) and named assets, fetched through the HTTP probe.`,
  create: (run) => new PagesProbe(run.get(httpProbe)),
});
