import { z } from 'zod';
import { defineCheck } from '../../src/kit/check.js';
import { outcome, judged, verdictOf, type Judgement } from '../../src/core/outcome.js';
import { perService } from '../../src/kit/per-service.js';
import { isProbeError } from '../../src/core/errors.js';
import type { CheckContext } from '../../src/kit/check.js';
import { browserRefusal } from '../../src/rules/certificate.js';
import { httpsEndpoint, judgeHttpsRedirect, judgeOwnHsts, plainTwin, sameHostHttpsTarget, type HstsSource, type RedirectTargetTls } from '../../src/rules/https.js';
import { HSTS_MIN_MAX_AGE, judgeHsts } from '../../src/rules/security-headers.js';
import { httpProbe } from '../../src/probes/http.js';
import { tlsProbe } from '../../src/probes/tls.js';

/** Same-host redirects followed while looking for the service's own HSTS (the HTTP probe's own bound). */
const MAX_OWN_HOPS = 5;

const options = z.strictObject({
  hstsMinMaxAge: z.number().int().min(0).max(315_360_000).default(HSTS_MIN_MAX_AGE).describe('Least Strict-Transport-Security max-age in seconds (default 180 days)'),
});

export default defineCheck<z.infer<typeof options>>({
  id: 'security.https-enabled',
  section: 'security',
  item: 'HTTPS enabled on all services (Railway provides automatically)',
  severity: 'critical',
  automation: 'automated',
  needs: ['services'],
  options,
  verifies:
    'Every service is served over https:// with a certificate browsers accept, sends HSTS from its own host, and its plain http:// address redirects permanently to https:// on the same host, where TLS answers.',
  how:
    'Per service: the configured URL must be https:// (http:// → fail); the TLS handshake (shared with infrastructure.ssl-certificates) must give a chain a browser accepts, judged as that line does ' +
    '(trusted, the host in the subjectAltName, keys, signatures and usages browsers allow, every certificate within its validity), else fail. ' +
    'HSTS is read from the service host\'s own answers (redirects followed only while they stay on that host, RFC 6797 §8.1: a policy sent by another host covers that host): ' +
    'Strict-Transport-Security once with max-age ≥ hstsMinMaxAge (15552000), else fail. A GET of the plain address (plainUrl, default the URL with http:// on port 80), ' +
    'redirects not followed, must answer 301 or 308 to https:// on the same host (302/307 → warn; another host, http:// or content → fail; nothing listening → warn); when the target is another port of the host, ' +
    'a TLS handshake there must complete with a certificate browsers accept (else fail: visitors land on an error). Error: the https address times out, resets or loops.',
  remediation:
    'Serve every service on its https:// platform or custom domain, redirect http:// with 301/308 to the same host over https, send HSTS via helmet, ' +
    'and replace http:// URLs in env vars, the widget snippet and the Shopify app settings.',
  async run(ctx) {
    return perService(
      ctx,
      async (_name, service) => {
        if (!service.url.startsWith('https://')) {
          return outcome('fail', `served over plain http:// (${service.url})`, {
            remediation: 'Serve the service over https:// (Railway provides certificates for its domains and attached custom domains) and use the https:// URL everywhere.',
          });
        }
        const tls = await ctx.probe(tlsProbe).inspectUrl(service.url);
        const findings: Judgement[] = [];
        const refusal = browserRefusal(tls, new Date());
        if (refusal) {
          findings.push(judged('certificate', 'fail', `browsers refuse the connection: ${refusal} (details: infrastructure.ssl-certificates)`, 'Fix the certificate (see infrastructure.ssl-certificates).'));
        } else {
          findings.push(judged('certificate', 'pass', `${tls.protocol} with a trusted certificate`));
          // Only a connection browsers accept shows the HSTS they would store.
          const source = await ownHstsSource(ctx, service.url);
          findings.push(judgeOwnHsts(source, (values) => judgeHsts(values, ctx.options.hstsMinMaxAge)));
        }
        const plain = plainTwin(service.url, service.plainUrl);
        try {
          const first = await ctx.probe(httpProbe).fetch({ url: plain, followRedirects: false, maxBodyBytes: 16 * 1024 });
          findings.push(judgeHttpsRedirect(first, service.url, await targetTls(ctx, sameHostHttpsTarget(first, service.url), service.url)));
        } catch (error) {
          if (!isProbeError(error) || error.code === 'aborted') throw error;
          findings.push(
            judged('http:// → https://', 'warn', `${plain} gave no answer (${error.message}): visitors typing the bare domain get an error, and HSTS preload needs the redirect`, 'Listen on port 80 and redirect to https:// with 301/308.'),
          );
        }
        return verdictOf(findings, `https with HSTS, and ${plain} redirects permanently`, { url: service.url, plainUrl: plain });
      },
      { failOnProbeErrors: ['refused', 'dns'], pass: 'every service is served over HTTPS with HSTS and a permanent redirect from http://' },
    );
  },
});

/** The service host's answers, redirects followed while they stay on it, up to the first that sends HSTS. */
async function ownHstsSource(ctx: CheckContext<unknown>, url: string): Promise<HstsSource> {
  const host = new URL(url).hostname;
  let response = await ctx.probe(httpProbe).fetch({ url, followRedirects: false });
  for (let hop = 0; hop < MAX_OWN_HOPS; hop++) {
    const location = response.headers.location?.[0];
    if (response.headers['strict-transport-security'] || response.status < 300 || response.status >= 400 || !location) break;
    let next: URL;
    try {
      next = new URL(location, response.url);
    } catch {
      break;
    }
    if (next.protocol !== 'https:' || next.hostname !== host) return { response, leftTo: next.host };
    if (next.href === response.url) break;
    response = await ctx.probe(httpProbe).fetch({ url: next.href, followRedirects: false });
  }
  return { response };
}

/** A handshake with the redirect target when it is another endpoint of the host than the service's own (already judged). */
async function targetTls(ctx: CheckContext<unknown>, target: URL | undefined, serviceUrl: string): Promise<RedirectTargetTls | undefined> {
  if (!target || httpsEndpoint(target) === httpsEndpoint(serviceUrl)) return undefined;
  try {
    const seen = await ctx.probe(tlsProbe).inspectUrl(target.href);
    const refusal = browserRefusal(seen, new Date());
    return refusal ? { answered: true, refusal } : { answered: true };
  } catch (error) {
    if (!isProbeError(error) || error.code === 'aborted') throw error;
    return { answered: false, reason: error.message };
  }
}
