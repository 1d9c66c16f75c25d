import type { HttpResponse } from '../probes/http-response.js';
import { isHtml, visibleText } from '../probes/html.js';
import { outcome } from '../core/outcome.js';
import type { CheckOutcome, Evidence } from '../core/types.js';
import { defaultPageOf, EDGE_HEADERS, type DefaultPage } from './default-pages.js';

const DEPLOY_FIX = 'Deploy the missing service (railway up --service <name>) and attach its domain; check the deployment logs for crashes.';

function titleAndHeading(response: HttpResponse): { title: string; heading: string } {
  if (!isHtml(response) && !/^\s*</.test(response.body)) return { title: '', heading: '' };
  const inner = (tag: string) => visibleText(new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}\\s*>`, 'i').exec(response.body)?.[1] ?? '');
  return { title: inner('title'), heading: inner('h1') };
}

/**
 * The default page a web server or hosting platform answered with instead of the service (see default-pages.ts),
 * so "the domain answers" is not mistaken for "the service is deployed".
 */
export function defaultPage(response: HttpResponse): DefaultPage | undefined {
  return defaultPageOf(response, titleAndHeading(response));
}

/** The message for a platform's or server's default page, or undefined when the answer is the service's own. */
export function platformNotDeployed(response: HttpResponse): string | undefined {
  const page = defaultPage(response);
  return page ? `${page.server} ${page.meaning}` : undefined;
}

const isMissing = (status: number) => status === 404 || status === 410;

/**
 * Whether the service is deployed, from its base URL and its health path: neither may be a default page, the base
 * must answer below 500, and the health path must answer (its 404 beside a 404 at the base means nothing of the
 * service is there; beside a working base it means the service's own routes are missing).
 */
export function judgeDeployment(base: HttpResponse, health: HttpResponse, evidence: Evidence = {}): CheckOutcome {
  const fail = (message: string) => outcome('fail', message, { evidence, remediation: DEPLOY_FIX });
  const basePath = new URL(base.url).pathname;
  const healthPath = new URL(health.requestedUrl).pathname;
  for (const [response, where] of [[base, basePath], [health, healthPath]] as const) {
    const page = defaultPage(response);
    if (page) return fail(`${page.server} ${page.meaning}${response === health ? ` (at ${where})` : ''}`);
  }
  if (base.status >= 500) return fail(`answered ${base.status}: the deployment is down or crashing`);
  if (health.status >= 500) return fail(`its health path ${healthPath} answered ${health.status}: the deployment is down or crashing`);
  if (isMissing(health.status) && isMissing(base.status)) {
    const edge = EDGE_HEADERS.find(([name]) => health.headers[name] !== undefined)?.[1];
    return fail(`answered ${base.status} at ${basePath} and ${health.status} at its health path ${healthPath}${edge ? ` (through ${edge})` : ''}: no deployed service answers here`);
  }
  if (isMissing(health.status)) {
    return outcome('warn', `answers at ${basePath} (${base.status}) but its health path ${healthPath} answers ${health.status}: is the service's own code deployed there?`, {
      evidence,
      remediation: 'Deploy the service with its health route, or set services.<name>.health to the path it serves.',
    });
  }
  return outcome('pass', `answered ${base.status} in ${base.timing.totalMs} ms`, { evidence });
}
