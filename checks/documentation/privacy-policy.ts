import { defineCheck } from '../../src/kit/check.js';
import { verifyPublishedUrl } from '../../src/kit/published-page.js';

export default defineCheck({
  id: 'documentation.privacy-policy',
  section: 'documentation',
  item: 'Privacy policy published',
  severity: 'medium',
  automation: 'partial',
  needs: ['urls'],
  verifies: 'A privacy policy is published at the configured public URL (urls.privacy): it answers 200 with an HTML page about privacy, over HTTPS.',
  how:
    'One GET of urls.privacy, following up to 5 redirects, and of its site\'s home page to compare. The page itself must be the privacy policy: ' +
    'its title or a heading (h1–h3, outside navigation and footer) names it ("privacy", or the same word in German, French or Spanish), and its own text — without the navigation, header and footer that repeat on every page — has at least 10 words. ' +
    'Pass: 200, text/html, such a page, final URL https://. Fail: any other status, refused or unresolvable host; a 200 whose title or first heading is a not-found or error page (a soft 404, even with the privacy policy linked in its footer); ' +
    'a redirect that lands on the home page; a page identical to the home page (not an app shell). ' +
    'Warn: 200 but not HTML (e.g. a PDF); named but with less text than that (a stub); mentioned only in the text, not in the title or a heading; no mention at all (an app shell?); plain http://. ' +
    'Error: timeout, reset, redirect loop, or a page over the 1 MiB read cap whose first part does not show it. Skip: urls.privacy not configured. ' +
    'Whether it covers every subprocessor and the deletion process is for a person (attestation).',
  remediation: 'Draft the policy (template plus legal review) covering collected data and subprocessors, publish it at /privacy, set urls.privacy, and link it from the site footer, dashboard and app listing.',
  attestation: 'The public privacy policy URL and its effective date, confirmation it lists subprocessors (Railway, AWS, Google Gemini, Sentry), retention and how to request deletion.',
  async run(ctx) {
    return verifyPublishedUrl(ctx, 'privacy', { what: 'privacy policy', keywords: ['privacy', 'datenschutz', 'confidentialité', 'privacidad'] });
  },
});
