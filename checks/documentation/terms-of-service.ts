import { defineCheck } from '../../src/kit/check.js';
import { verifyPublishedUrl } from '../../src/kit/published-page.js';

export default defineCheck({
  id: 'documentation.terms-of-service',
  section: 'documentation',
  item: 'Terms of service published',
  severity: 'medium',
  automation: 'partial',
  needs: ['urls'],
  verifies: 'Terms of service are published at the configured public URL (urls.terms): it answers 200 with an HTML page of terms, over HTTPS.',
  how:
    'One GET of urls.terms, following up to 5 redirects. Pass: 200, text/html, the page text contains "terms" or "conditions", final URL https://. ' +
    'Fail: any other status, refused or unresolvable host. Warn: 200 but not HTML, no mention of terms (an app shell or soft 404?), or plain http://. ' +
    'Error: timeout, reset, redirect loop, or a page over the 1 MiB read cap whose first part does not mention them. Skip: urls.terms not configured. ' +
    'Whether signup and install flows link it, and legal review, is for a person (attestation).',
  remediation: 'Draft terms (template plus legal review) covering billing, acceptable use, liability and termination, publish them at /terms, set urls.terms, and link them from signup, footer and listing.',
  attestation: 'The public terms URL with its effective date, screenshots showing it linked from the signup/install flow, website footer and Shopify listing, and who reviewed it legally and when.',
  async run(ctx) {
    return verifyPublishedUrl(ctx, 'terms', { what: 'terms of service', keywords: ['terms', 'conditions', 'agreement', 'AGB', 'conditions générales'] });
  },
});
