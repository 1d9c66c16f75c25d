import { defineManualCheck } from '../../src/core/check.js';

export default defineManualCheck({
  id: 'infrastructure.ssl-certificates',
  section: 'infrastructure',
  item: 'SSL certificates issued and valid',
  severity: 'critical',
  verifies: 'Every production hostname presents a valid, trusted certificate covering its name, not close to expiry, with automatic renewal in place.',
  attestation: 'For each hostname, output of `openssl s_client -connect <host>:443 -servername <host> </dev/null | openssl x509 -noout -subject -issuer -enddate` showing the issuer, a matching name and an expiry date more than 30 days away.',
  remediation: 'Point DNS at Railway so it can issue and renew certificates, remove CAA records that block the issuer, fix wrong hostnames, and add certificate-expiry monitoring in the uptime tool.',
});
