import { isProbeError } from '../core/errors.js';
import { resolveUnder } from '../core/urls.js';
import { isHtml, scriptUrls } from './html.js';
import { httpProbe, type HttpProbe, type HttpResponse } from './http.js';
import { defineProbe } from './registry.js';
import { sameSite } from './sites.js';

/** Scripts fetched per page: enough to see the entry bundle and its first chunks, few enough to stay cheap. */
export const MAX_SCRIPTS_PER_PAGE = 5;

/** Same-site scripts fetched when the build itself is judged: every one a real page loads, within a bound. */
export const MAX_BUNDLES_PER_PAGE = 30;

/** Scripts from other hosts fetched when their URL names a framework build (unpkg, jsDelivr, cdnjs, esm.sh, …). */
export const MAX_FRAMEWORK_SCRIPTS_PER_PAGE = 5;

/**
 * A script URL naming a front-end framework's package or build file: /react@18/umd/react.development.js,
 * /npm/vue@3/dist/vue.global.js, /ajax/libs/angular.js/1.8.2/angular.js, /svelte/internal/index.js.
 */
const FRAMEWORK_SCRIPT = /(?:^|\/)(?:@?react(?:-dom)?|vue|preact|svelte|@angular\/[\w-]+|angular(?:\.js)?)(?:@[^/]*)?(?:\/|\.(?:\w+\.)*js\b|$)/i;

export function isFrameworkScript(url: string): boolean {
  try {
    return FRAMEWORK_SCRIPT.test(new URL(url).pathname);
  } catch {
    return false;
  }
}

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

  /**
   * What a page's build is made of: every same-site script (up to MAX_BUNDLES_PER_PAGE, `extra` first) and the
   * framework builds it loads from other hosts (up to MAX_FRAMEWORK_SCRIPTS_PER_PAGE), each fetched once.
   */
  async bundles(page: HttpResponse, extra: readonly string[] = []): Promise<FetchedAsset[]> {
    const found = isHtml(page) ? scriptUrls(page.body, page.url).filter((url) => /^https?:/.test(url)) : [];
    const own = [...new Set([...extra, ...found.filter((url) => sameSite(url, page.url))])].slice(0, MAX_BUNDLES_PER_PAGE);
    const frameworks = found.filter((url) => !sameSite(url, page.url) && isFrameworkScript(url)).slice(0, MAX_FRAMEWORK_SCRIPTS_PER_PAGE);
    return Promise.all([...own, ...frameworks].map((url) => this.asset(url)));
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
  describes:
    `A page's own-site scripts (at most ${MAX_SCRIPTS_PER_PAGE}; ${MAX_BUNDLES_PER_PAGE} when a build is judged, plus up to ${MAX_FRAMEWORK_SCRIPTS_PER_PAGE} framework builds from other hosts) ` +
    'and named assets, fetched through the HTTP probe.',
  create: (run) => new PagesProbe(run.get(httpProbe)),
});
