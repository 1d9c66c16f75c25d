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
    'One GET of urls.privacy, following up to 5 redirects. Pass: 200, text/html, the page text contains "privacy", final URL https://. ' +
    'Fail: any other status, refused or unresolvable host. Warn: 200 but not HTML (e.g. a PDF), no mention of privacy (an app shell or soft 404?), or plain http://. ' +
    'Error: timeout, reset, redirect loop, or a page over the 1 MiB read cap whose first part does not mention privacy. Skip: urls.privacy not configured. ' +
    'Whether it covers every subprocessor and the deletion process is for a person (attestation).',
  remediation: 'Draft the policy (template plus legal review) covering collected data and subprocessors, publish it at /privacy, set urls.privacy, and link it from the site footer, dashboard and app listing.',
  attestation: 'The public privacy policy URL and its effective date, confirmation it lists subprocessors (Railway, AWS, Google Gemini, Sentry), retention and how to request deletion.',
  async run(ctx) {
    return verifyPublishedUrl(ctx, 'privacy', { what: 'privacy policy', keywords: ['privacy', 'datenschutz', 'confidentialité', 'privacidad'] });
  },
});
