import { sameSite } from '../rules/domains.js';
import { isHtml, scriptUrls } from '../rules/html.js';
import { isProbeError } from './errors.js';
import type { HttpProbe, HttpResponse } from './http.js';

/** Scripts fetched per page: enough to see the entry bundle and its first chunks, few enough to stay cheap. */
export const MAX_SCRIPTS_PER_PAGE = 5;

export interface FetchedAsset {
  url: string;
  response?: HttpResponse;
  /** Why it could not be fetched (timeout, reset, …). */
  failure?: { code: string; message: string };
}

/** The scripts a page loads from its own site (same host or same registrable domain), fetched through the run's HTTP probe. */
export async function pageScripts(http: HttpProbe, page: HttpResponse, extra: readonly string[] = []): Promise<FetchedAsset[]> {
  const found = isHtml(page) ? scriptUrls(page.body, page.url).filter((url) => /^https?:/.test(url) && sameSite(url, page.url)) : [];
  const urls = [...new Set([...extra, ...found])].slice(0, MAX_SCRIPTS_PER_PAGE);
  return Promise.all(urls.map((url) => fetchAsset(http, url)));
}

export async function fetchAsset(http: HttpProbe, url: string, maxBodyBytes?: number): Promise<FetchedAsset> {
  try {
    return { url, response: await http.fetch({ url, ...(maxBodyBytes ? { maxBodyBytes } : {}) }) };
  } catch (error) {
    if (isProbeError(error)) return { url, failure: { code: error.code, message: error.message } };
    throw error;
  }
}

/**
 * The first path of `paths` that answers 2xx, following redirects. Error pages often carry other (stricter or
 * laxer) headers than the real pages, so judgements about "the page" need a successful one.
 */
export async function firstSuccessfulPage(
  http: HttpProbe,
  baseUrl: string,
  paths: readonly string[],
): Promise<{ page: HttpResponse | undefined; tried: { url: string; status: number }[] }> {
  const tried: { url: string; status: number }[] = [];
  for (const path of [...new Set(paths)]) {
    const response = await http.fetch({ url: new URL(path, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`).href });
    tried.push({ url: response.url, status: response.status });
    if (response.status >= 200 && response.status < 300) return { page: response, tried };
  }
  return { page: undefined, tried };
}
