import { serviceKind } from '../../src/config/schema/services.js';
import { defineCheck } from '../../src/kit/check.js';
import { combine, outcome, type Part } from '../../src/core/outcome.js';
import { probeFailure } from '../../src/kit/probe-failure.js';
import type { CheckOutcome } from '../../src/core/types.js';
import { httpProbe, type HttpProbe } from '../../src/probes/http.js';
import { isHtml } from '../../src/probes/html.js';
import { verifyPublishedUrl } from '../../src/kit/published-page.js';
import { brokenContactLink, isAppShell, MAX_SUPPORT_LINKS, supportContacts } from '../../src/rules/support-contact.js';
import { isProbeError } from '../../src/core/errors.js';

const REMEDIATION = 'Add a Help link with the support email or chat to the dashboard header or footer and the site footer, set the support contact in the app listing, and send a test message.';

export default defineCheck({
  id: 'documentation.support-contact',
  section: 'documentation',
  item: 'Support contact information visible',
  severity: 'medium',
  automation: 'partial',
  needs: [],
  verifies:
    'Merchants can see how to get help on the dashboard (an email or phone link, a support address, a chat widget, or a support/help/contact link that leads to a page), and the support page (urls.support) is published.',
  how:
    'GETs the page of every dashboard and web service. Pass: a mailto: or tel: link, an address like support@… in the text, the loader of ' +
    'Intercom, Crisp, Zendesk, HubSpot, tawk.to, Drift, Freshchat, Help Scout, LiveChat, Tidio or Gorgias, or a link whose text or path says support/help/contact ' +
    `that answers 2xx with a page that is not a not-found page (the first ${MAX_SUPPORT_LINKS} such links are followed, redirects included). ` +
    'Fail: no contact in a page with content, or only support links that answer 4xx/5xx or a soft 404. Error: the only support links give no answer (timeout, reset). ' +
    'Manual: the page is an app shell (under 80 characters of text, content drawn by scripts), so the served HTML cannot show it. ' +
    'If urls.support is set, it must be the support page itself, as documentation.privacy-policy judges its page (named in its title or a heading, text of its own, not a soft 404 or the home page).',
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
      parts.push({ label: 'urls.support', outcome: await verifyPublishedUrl(ctx, 'support', { what: 'support page', keywords: ['support', 'help', 'contact'], minWords: 1 }) });
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
  const broken: string[] = [];
  const unanswered: string[] = [];
  for (const contact of supportContacts(page.body, page.url)) {
    if (!contact.url) return outcome('pass', `support contact on ${new URL(page.url).pathname}: ${contact.description}`, { evidence: { ...evidence, contact: contact.description } });
    try {
      const landed = await http.fetch({ url: contact.url });
      const why = brokenContactLink(landed);
      if (!why) return outcome('pass', `support contact on ${new URL(page.url).pathname}: ${contact.description}`, { evidence: { ...evidence, contact: contact.description, landedOn: landed.url } });
      broken.push(`${contact.description} ${why}`);
    } catch (error) {
      if (!isProbeError(error) || error.code === 'aborted') throw error;
      unanswered.push(`${contact.description} gave no answer (${error.message})`);
    }
  }
  if (broken.length > 0) {
    return outcome('fail', `no working support contact on ${new URL(page.url).pathname}: ${[...broken, ...unanswered].join('; ')}`, { evidence: { ...evidence, broken, unanswered }, remediation: REMEDIATION });
  }
  if (unanswered.length > 0) return outcome('error', `could not follow the support link(s) on ${new URL(page.url).pathname}: ${unanswered.join('; ')}`, { evidence });
  if (isAppShell(page.body, page.url)) {
    return outcome('manual', 'the page is an app shell drawn by scripts: its HTML cannot show whether the app displays a support contact', { evidence });
  }
  if (page.truncated) return outcome('error', `the page is larger than the ${page.bodyBytes}-byte read cap and its first part shows no support contact`, { evidence });
  return outcome('fail', `no support contact on ${new URL(page.url).pathname}: no mailto:/tel: link, support/help/contact link, support address or chat widget`, {
    evidence,
    remediation: REMEDIATION,
  });
}
