import { verdictOf, type Judgement } from '../../src/core/outcome.js';
import { notProbed } from '../../src/kit/not-probed.js';
import { defineCheck } from '../../src/kit/check.js';
import { merchantOriginOf } from '../../src/kit/merchant-origin.js';
import { probeFailure } from '../../src/kit/probe-failure.js';
import { serviceKind } from '../../src/config/schema/services.js';
import { httpProbe } from '../../src/probes/http.js';
import { INVALID_JSON, judgeConversionAnswer, SYNTHETIC_CONVERSION, withoutFields, type ConversionAttempt } from '../../src/rules/conversion-tracking.js';

const ATTESTATION =
  'A test purchase on the sample store after interacting with the widget: the order id, the conversion row in the database (shop, order id, amount, attribution), and a screenshot of it in the dashboard analytics.';

export default defineCheck({
  id: 'integration.conversion-tracking',
  section: 'integration',
  item: 'Conversion tracking tested',
  severity: 'medium',
  automation: 'partial',
  needs: [],
  verifies:
    'The conversion endpoint records a well-formed test event and refuses malformed ones (invalid JSON, an event missing its fields) with a 4xx, without crashing. ' +
    'That purchases following widget interactions are attributed and show up in the merchant dashboard stays to attest.',
  how:
    'Three POSTs to integrations.conversions.url, one after another, redirects not followed, Content-Type: application/json, Origin of the merchant storefront (integrations.merchantOrigin, default https://readiness-probe.myshopify.com), answers read up to 16 KiB: ' +
    '1. a well-formed test event — integrations.conversions.sample, else readiness\'s synthetic one (306 bytes: event "conversion", "test": true, ids readiness-probe-…, shop readiness-probe.invalid, value 0); ' +
    '2. invalid JSON (such an event cut off before its end, 109 bytes); 3. the event without its fields ({"test": true}, 13 bytes). ' +
    'Fail: the well-formed event answered 5xx, or the configured sample refused with a 4xx; a malformed one accepted (2xx); a stack trace in any answer. Warn: a malformed one refused by a 5xx. ' +
    'Error: 404/405/410 or a redirect; 401/403 to the well-formed event; readiness\'s generic event refused with a 4xx (set sample); timeouts. Manual: no integrations.conversions is configured.',
  remediation:
    'Validate conversion events (schema of the required fields) and answer 400/422 to malformed ones, store valid ones idempotently by event id, then trace the chain (widget event, API, orders/create webhook, attribution) and add an integration test for a full conversion.',
  attestation: ATTESTATION,
  async run(ctx) {
    const config = ctx.environment.integrations?.conversions;
    if (!config) {
      return notProbed({
        missing: 'no integrations.conversions is configured',
        configure: "set its url (and a sample event in the endpoint's format) so readiness posts a test event and two malformed ones",
        attestation: ATTESTATION,
        remediation: 'Configure integrations.conversions: { url: https://api.example.com/v1/conversions, sample: { … "test": true } }.',
      });
    }
    const widget = Object.entries(ctx.environment.services ?? {}).find(([name, service]) => serviceKind(name, service) === 'widget')?.[1];
    const origin = merchantOriginOf(ctx.environment, widget);
    const event = config.sample ?? SYNTHETIC_CONVERSION;
    const bodies: [ConversionAttempt, string][] = [
      ['well-formed', JSON.stringify(event)],
      ['invalid-json', INVALID_JSON],
      ['missing-fields', JSON.stringify(withoutFields(event))],
    ];
    try {
      const judgements: Judgement[] = [];
      const statuses: Record<string, number> = {};
      const requestBytes: Record<string, number> = {};
      // One after another, in this order: a receiver that processes events sees the good one first, and a failure stops the rest.
      for (const [attempt, body] of bodies) {
        const response = await ctx.probe(httpProbe).fetch({
          url: config.url,
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json', origin },
          body,
          followRedirects: false,
          maxBodyBytes: 16 * 1024,
        });
        statuses[attempt] = response.status;
        requestBytes[attempt] = Buffer.byteLength(body);
        judgements.push(...judgeConversionAnswer(attempt, response, config.sample !== undefined));
      }
      const path = new URL(config.url).pathname;
      return verdictOf(judgements, `${path} records a well-formed test event and refuses invalid JSON and an event missing its fields with a 4xx`, { path, statuses, requestBytes });
    } catch (error) {
      return probeFailure(error);
    }
  },
});
