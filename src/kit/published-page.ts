import { outcome, verdictOf } from '../core/outcome.js';
import type { CheckOutcome } from '../core/types.js';
import { httpProbe } from '../probes/http.js';
import { judgePublishedPage, type PageExpectation } from '../rules/published-page.js';
import type { CheckContext } from './check.js';
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
    return verdictOf(judgePublishedPage(response, expected), `${response.url} answers 200 with the ${expected.what}`, { url: response.url, status: response.status });
  } catch (error) {
    return probeFailure(error, ['refused', 'dns']);
  }
}
