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
  verifies:
    'Every service host presents a certificate chain a browser accepts: trusted, covering the host name in its subjectAltName, with keys, signatures and usages browsers allow, every certificate within its validity, not close to expiry, and served without TLS 1.0/1.1.',
  how:
    "One TLS handshake per https service (node:tls, SNI = host, trusting Node's roots plus tls.ca) that records the chain without rejecting it, then one handshake each limited to TLS 1.0 and TLS 1.1. " +
    "Node's verifier is laxer than browsers', so the chain is judged again as Chromium and the CA/Browser Forum baseline requirements (BR) do. " +
    'Fail: untrusted chain (self-signed, incomplete chain, unknown issuer); a certificate not covering the host name, or naming it only in the subject CN without a subjectAltName (Chrome 58+, RFC 6125 §6.4.4, BR §7.1.2.7.12); ' +
    'an RSA key under 2048 bits or not a multiple of 8, an ECDSA key on a curve other than P-256/P-384, or another key type, anywhere in the chain (BR §6.1.5, Chrome Root Program, Mozilla Root Store Policy §5.1); ' +
    'a signature with SHA-1, MD5, SHA-224, DSA or EdDSA on any certificate but a self-signed root (BR §7.1.3.2; Chrome 57+ refuses SHA-1); ' +
    'a server certificate whose extended key usage lacks serverAuth, or a CA certificate restricted to other usages (BR §7.1.2.7.10, how Chromium verifies EKU along the chain); ' +
    'any certificate of the chain expired or not yet valid; fewer than failWithinDays (14) days left on the leaf or an intermediate that expires first; an http:// service URL, or nothing listening on the TLS port. ' +
    'Warn: fewer than warnWithinDays (30) days left; no extended key usage on the leaf, or anyExtendedKeyUsage only; an expired extra certificate the server still sends while the chain verified through another path; TLS 1.0 or 1.1 accepted (RFC 8996). ' +
    'Error: handshake timeout or reset.',
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
