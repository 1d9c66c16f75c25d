import { z } from 'zod';
import { defineCheck } from '../../src/kit/check.js';
import { outcome, judged, verdictOf, type Judgement } from '../../src/core/outcome.js';
import { perService } from '../../src/kit/per-service.js';
import { isProbeError } from '../../src/core/errors.js';
import { judgeHttpsRedirect, plainTwin } from '../../src/rules/https.js';
import { HSTS_MIN_MAX_AGE, judgeHsts } from '../../src/rules/security-headers.js';
import { httpProbe } from '../../src/probes/http.js';
import { tlsProbe } from '../../src/probes/tls.js';

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
  verifies: 'Every service is served over https:// with a working certificate, sends HSTS, and its plain http:// address redirects permanently to https:// on the same host.',
  how:
    'Per service: the configured URL must be https:// (http:// → fail); a TLS handshake (shared with infrastructure.ssl-certificates) must be trusted, match the host and be unexpired (else fail); ' +
    'the https answer must carry Strict-Transport-Security once with max-age ≥ hstsMinMaxAge (15552000) (else fail); a GET of the plain address (plainUrl, default the URL with http:// on port 80), ' +
    'redirects not followed, must answer 301 or 308 to https:// on the same host (302/307 → warn; another host, http:// or content → fail; nothing listening → warn). ' +
    'Error: the https address times out, resets or loops.',
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
        const expired = tls.chain[0] !== undefined && Date.parse(tls.chain[0].validTo) < Date.now();
        if (!tls.trusted || tls.hostnameError || expired) {
          const why = !tls.trusted ? `untrusted certificate (${tls.trustError})` : tls.hostnameError ? `certificate does not cover ${tls.host}` : 'expired certificate';
          findings.push(judged('certificate', 'fail', `browsers refuse the connection: ${why} (details: infrastructure.ssl-certificates)`, 'Fix the certificate (see infrastructure.ssl-certificates).'));
        } else {
          findings.push(judged('certificate', 'pass', `${tls.protocol} with a trusted certificate`));
          // Only a connection browsers accept shows the HSTS they would store.
          const page = await ctx.probe(httpProbe).fetch({ url: service.url });
          findings.push(judgeHsts(page.headers['strict-transport-security'], ctx.options.hstsMinMaxAge));
        }
        const plain = plainTwin(service.url, service.plainUrl);
        try {
          const first = await ctx.probe(httpProbe).fetch({ url: plain, followRedirects: false, maxBodyBytes: 16 * 1024 });
          findings.push(judgeHttpsRedirect(first, service.url));
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
