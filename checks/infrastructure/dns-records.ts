import { defineManualCheck } from '../../src/core/check.js';

export default defineManualCheck({
  id: 'infrastructure.dns-records',
  section: 'infrastructure',
  item: 'DNS records verified and propagating',
  severity: 'high',
  verifies: 'DNS records for every production hostname resolve to the right Railway targets from everywhere, with sensible TTLs.',
  attestation: 'Output of `dig +short api.<domain>` (and app., widget.) showing the Railway CNAME targets, a whatsmydns.net check showing consistent answers across regions, and SPF/DKIM/DMARC records if the app sends email, with the date.',
  remediation: 'Correct the records at the DNS provider to the CNAME/TXT values Railway shows, lower TTLs before changes, remove stale A records, and add SPF, DKIM and DMARC for transactional email.',
});
