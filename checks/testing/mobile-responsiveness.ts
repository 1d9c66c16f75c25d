import { SERVICE_KINDS } from '../../src/config/schema/services.js';
import { defineCheck } from '../../src/kit/check.js';
import { outcome } from '../../src/core/outcome.js';
import { perServicePage } from '../../src/kit/per-service.js';
import { isHtml } from '../../src/probes/html.js';
import { judgeViewport, MIN_MAXIMUM_SCALE } from '../../src/rules/viewport.js';

export default defineCheck({
  id: 'testing.mobile-responsiveness',
  section: 'testing',
  item: 'Mobile responsiveness verified',
  severity: 'medium',
  automation: 'partial',
  needs: ['services'],
  verifies:
    'The dashboard and the widget are built for phones as far as their HTML shows (a viewport meta tag fitting the device width, zoom not blocked); that the layout works at 360-430 px needs a person.',
  how:
    'GETs the page of every dashboard, widget and web service. Fail: no <meta name="viewport">, or one without width=device-width. ' +
    `Warn: user-scalable=no/0 or maximum-scale under ${MIN_MAXIMUM_SCALE} (blocks zoom; Lighthouse's threshold). ` +
    'Manual: the tag is right — the layout at phone widths still needs a person. Error: the page does not answer 2xx (a page that is not HTML is skipped).',
  remediation:
    'Add <meta name="viewport" content="width=device-width, initial-scale=1"> to every page; test in devtools device mode and on a real phone, fix overflow with responsive CSS, and make tap targets at least 44 px.',
  attestation:
    'Screenshots of the widget on a storefront product page and of the main dashboard pages at 375 px (iPhone) and 360 px (Android) widths, from real devices or BrowserStack/devtools, with known issues listed.',
  async run(ctx) {
    return perServicePage(
      ctx,
      async (page) => {
        if (page.status < 200 || page.status >= 300) {
          return outcome('error', `the page answered ${page.status}; no 2xx page to read`, { evidence: { url: page.url, status: page.status } });
        }
        if (!isHtml(page)) return outcome('skip', `answers ${page.headers['content-type']?.[0] ?? 'no content type'}, not an HTML page`);
        const viewport = judgeViewport(page.body);
        const evidence = { url: page.url, viewport: viewport.message };
        if (viewport.status !== 'pass') return outcome(viewport.status, `${viewport.subject}: ${viewport.message}`, { evidence, ...(viewport.remediation ? { remediation: viewport.remediation } : {}) });
        return outcome('manual', `viewport meta fits the device width (${viewport.message}); the layout at 360-430 px needs a person's check`, { evidence });
      },
      {
        kinds: SERVICE_KINDS.filter((kind) => kind !== 'api'),
        none: 'no dashboard, widget or web service is configured',
      },
    );
  },
});
