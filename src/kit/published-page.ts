import { outcome, verdictOf } from '../core/outcome.js';
import type { CheckOutcome } from '../core/types.js';
import { httpProbe } from '../probes/http.js';
import { judgePublishedPage, type PageExpectation } from '../rules/published-page.js';
import type { CheckContext } from './check.js';
import { isProbeError } from '../core/errors.js';
import { isHtml } from '../probes/html.js';
import type { HttpResponse } from '../probes/http-response.js';
import { probeFailure } from './probe-failure.js';

/**
 * The documentation line for `urls.<key>`: skip when the key is not configured (naming it), else judge the page.
 * Refused and unresolvable hosts are verdicts (the page is not published); timeouts and resets are not.
 */
export async function verifyPublishedUrl(ctx: CheckContext<unknown>, key: string, expected: PageExpectation): Promise<CheckOutcome> {
  const url = ctx.environment.urls?.[key];
  if (!url) {
    return outcome('skip', `not configured: environments.${ctx.environmentName}.urls.${key} (the ${expected.what}'s public URL)`, { evidence: { missing: [`urls.${key}`] } });
  }
  try {
    const response = await ctx.probe(httpProbe).fetch({ url });
    const home = await homeOf(ctx, response);
    return verdictOf(judgePublishedPage(response, expected, home), `${response.url} answers 200 with the ${expected.what}`, { url: response.url, status: response.status });
  } catch (error) {
    return probeFailure(error, ['refused', 'dns']);
  }
}

/** The home page of the site a page was served from, to tell the page from the home page served in its place. */
async function homeOf(ctx: CheckContext<unknown>, page: HttpResponse): Promise<HttpResponse | undefined> {
  const url = new URL(page.url);
  if (page.status !== 200 || !isHtml(page) || url.pathname === '/') return undefined;
  try {
    return await ctx.probe(httpProbe).fetch({ url: `${url.origin}/` });
  } catch (error) {
    // Only a comparison is lost: the page's own verdict stands.
    if (isProbeError(error) && error.code !== 'aborted') return undefined;
    throw error;
  }
}
