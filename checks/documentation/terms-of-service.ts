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
    'One GET of urls.terms, following up to 5 redirects, and of its site\'s home page to compare. The page itself must be the terms: ' +
    'its title or a heading (h1–h3, outside navigation and footer) names it ("terms", "conditions" or "agreement", or the same word in German, French or Spanish), and its own text — without the navigation, header and footer that repeat on every page — has at least 10 words. ' +
    'Pass: 200, text/html, such a page, final URL https://. Fail: any other status, refused or unresolvable host; a 200 whose title or first heading is a not-found or error page (a soft 404, even with the terms linked in its footer); ' +
    'a redirect that lands on the home page; a page identical to the home page (not an app shell). ' +
    'Warn: 200 but not HTML (e.g. a PDF); named but with less text than that (a stub); mentioned only in the text, not in the title or a heading; no mention at all (an app shell?); plain http://. ' +
    'Error: timeout, reset, redirect loop, or a page over the 1 MiB read cap whose first part does not show it. Skip: urls.terms not configured. ' +
    'Whether signup and install flows link it, and legal review, is for a person (attestation).',
  remediation: 'Draft terms (template plus legal review) covering billing, acceptable use, liability and termination, publish them at /terms, set urls.terms, and link them from signup, footer and listing.',
  attestation: 'The public terms URL with its effective date, screenshots showing it linked from the signup/install flow, website footer and Shopify listing, and who reviewed it legally and when.',
  async run(ctx) {
    return verifyPublishedUrl(ctx, 'terms', { what: 'terms of service', keywords: ['terms', 'conditions', 'agreement', 'AGB', 'conditions générales'] });
  },
});
