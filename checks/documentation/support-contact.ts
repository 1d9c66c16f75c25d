import { serviceKind } from '../../src/config/schema/services.js';
import { defineCheck } from '../../src/kit/check.js';
import { combine, outcome, type Part } from '../../src/core/outcome.js';
import { probeFailure } from '../../src/kit/probe-failure.js';
import type { CheckOutcome } from '../../src/core/types.js';
import { httpProbe, type HttpProbe } from '../../src/probes/http.js';
import { isHtml } from '../../src/probes/html.js';
import { verifyPublishedUrl } from '../../src/kit/published-page.js';
import { findSupportContact, isAppShell } from '../../src/rules/support-contact.js';

const REMEDIATION = 'Add a Help link with the support email or chat to the dashboard header or footer and the site footer, set the support contact in the app listing, and send a test message.';

export default defineCheck({
  id: 'documentation.support-contact',
  section: 'documentation',
  item: 'Support contact information visible',
  severity: 'medium',
  automation: 'partial',
  needs: [],
  verifies: 'Merchants can see how to get help on the dashboard (an email or phone link, a support/help/contact link, a support address, or a chat widget), and the support page (urls.support) is published.',
  how:
    'GETs the page of every dashboard and web service. Pass: a mailto: or tel: link, a link whose text or path says support/help/contact, an address like support@… in the text, or the loader of ' +
    'Intercom, Crisp, Zendesk, HubSpot, tawk.to, Drift, Freshchat, Help Scout, LiveChat, Tidio or Gorgias. Fail: none of these in a page with content. ' +
    'Manual: the page is an app shell (under 80 characters of text, content drawn by scripts), so the served HTML cannot show it. ' +
    'If urls.support is set, it must answer 200 HTML mentioning support, help or contact (as documentation.privacy-policy). Skip: no dashboard/web service and no urls.support.',
  remediation: REMEDIATION,
  attestation: 'Screenshots of the support contact in the dashboard (e.g. Help menu), the website footer and the app store listing, and a test message that arrived in the support inbox.',
  async run(ctx) {
    const parts: Part[] = [];
    const pages = Object.entries(ctx.environment.services ?? {}).filter(([name, service]) => ['dashboard', 'web'].includes(serviceKind(name, service)));
    for (const [name, service] of pages) {
      let result: CheckOutcome;
      try {
        result = await judgePage(ctx.probe(httpProbe), service.url);
      } catch (error) {
        result = probeFailure(error, ['refused', 'dns']);
      }
      parts.push({ label: name, outcome: result });
    }
    if (ctx.environment.urls?.support) {
      parts.push({ label: 'urls.support', outcome: await verifyPublishedUrl(ctx, 'support', { what: 'support page', keywords: ['support', 'help', 'contact'] }) });
    }
    if (parts.length === 0) {
      return outcome('skip', `not configured: no dashboard or web service in environments.${ctx.environmentName}.services and no environments.${ctx.environmentName}.urls.support`);
    }
    return combine(parts, { pass: 'support contact visible' });
  },
});

async function judgePage(http: HttpProbe, url: string): Promise<CheckOutcome> {
  const page = await http.fetch({ url });
  const evidence = { url: page.url, status: page.status };
  if (page.status < 200 || page.status >= 300 || !isHtml(page)) {
    return outcome('error', `the page answered ${page.status} ${page.headers['content-type']?.[0] ?? ''}, not a 2xx HTML page to read`.trim(), { evidence });
  }
  const contact = findSupportContact(page.body, page.url);
  if (contact) return outcome('pass', `support contact on ${new URL(page.url).pathname}: ${contact}`, { evidence: { ...evidence, contact } });
  if (isAppShell(page.body, page.url)) {
    return outcome('manual', 'the page is an app shell drawn by scripts: its HTML cannot show whether the app displays a support contact', { evidence });
  }
  if (page.truncated) return outcome('error', `the page is larger than the ${page.bodyBytes}-byte read cap and its first part shows no support contact`, { evidence });
  return outcome('fail', `no support contact on ${new URL(page.url).pathname}: no mailto:/tel: link, support/help/contact link, support address or chat widget`, {
    evidence,
    remediation: REMEDIATION,
  });
}
