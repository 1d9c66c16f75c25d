import { z } from 'zod';
import { defineCheck } from '../../src/kit/check.js';
import { outcome, verdictOf } from '../../src/core/outcome.js';
import { perService } from '../../src/kit/per-service.js';
import { certificateEvidence, DEFAULT_EXPIRY, judgeCertificate } from '../../src/rules/certificate.js';
import { tlsProbe } from '../../src/probes/tls.js';

const options = z
  .strictObject({
    failWithinDays: z.number().int().min(0).max(365).default(DEFAULT_EXPIRY.failDays).describe('Fail when the certificate expires in fewer days than this'),
    warnWithinDays: z.number().int().min(0).max(365).default(DEFAULT_EXPIRY.warnDays).describe('Warn when the certificate expires in fewer days than this'),
  })
  .refine((o) => o.warnWithinDays >= o.failWithinDays, { message: 'warnWithinDays must be at least failWithinDays', path: ['warnWithinDays'] });

export default defineCheck<z.infer<typeof options>>({
  id: 'infrastructure.ssl-certificates',
  section: 'infrastructure',
  item: 'SSL certificates issued and valid',
  severity: 'critical',
  automation: 'automated',
  needs: ['services'],
  options,
  verifies: 'Every service host presents a certificate that chains to a trusted CA, covers the host name, is not close to expiry, and is served without TLS 1.0/1.1.',
  how:
    'One TLS handshake per https service (node:tls, SNI = host, trusting Node\'s roots plus tls.ca) that records the chain without rejecting it, then one handshake each limited to TLS 1.0 and TLS 1.1. ' +
    'Fail: untrusted chain (self-signed, incomplete chain, unknown issuer), a certificate not covering the host name, expired or not yet valid, fewer than failWithinDays (14) days left, ' +
    'an http:// service URL, or nothing listening on the TLS port. Warn: fewer than warnWithinDays (30) days left, TLS 1.0 or 1.1 accepted. Error: handshake timeout or reset.',
  remediation:
    'Let the platform issue and renew certificates (Railway does once DNS points at it), serve the full chain, remove CAA records that block the issuer, ' +
    'set the minimum TLS version to 1.2, and add certificate-expiry monitoring to the uptime tool.',
  async run(ctx) {
    const now = new Date();
    return perService(
      ctx,
      async (_name, service) => {
        if (!service.url.startsWith('https://')) {
          return outcome('fail', `served over plain http:// (${service.url}): no certificate to verify`, {
            remediation: 'Serve the service over https:// with a certificate from a public CA and use the https:// URL everywhere.',
          });
        }
        const seen = await ctx.probe(tlsProbe).inspectUrl(service.url);
        const thresholds = { failDays: ctx.options.failWithinDays, warnDays: ctx.options.warnWithinDays };
        return verdictOf(judgeCertificate(seen, now, thresholds), `valid certificate for ${seen.host}`, certificateEvidence(seen, now));
      },
      { failOnProbeErrors: ['refused', 'dns'], pass: 'every service presents a valid, trusted certificate' },
    );
  },
});
