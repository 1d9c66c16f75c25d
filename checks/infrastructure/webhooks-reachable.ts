import { z } from 'zod';
import { defineCheck } from '../../src/kit/check.js';
import { combine, verdictOf, type Part } from '../../src/core/outcome.js';
import { probeFailure } from '../../src/kit/probe-failure.js';
import { judgeWebhookAnswer, withoutQuery } from '../../src/rules/webhooks.js';
import { httpProbe } from '../../src/probes/http.js';

/** An empty JSON object: a delivery no signature covers, which a verifying endpoint rejects before processing. */
const UNSIGNED_DELIVERY = '{}';

const options = z.strictObject({
  maxResponseMs: z.number().int().min(100).max(60_000).default(5_000).describe('Slower answers warn: Shopify gives up after 5 s and retries'),
});

export default defineCheck<z.infer<typeof options>>({
  id: 'infrastructure.webhooks-reachable',
  section: 'infrastructure',
  item: 'Webhook endpoints publicly accessible',
  severity: 'high',
  automation: 'automated',
  needs: ['webhooks'],
  options,
  verifies: 'Every configured webhook URL is https:// and reachable: a handler answers POST there, quickly, and rejects an unsigned delivery.',
  how:
    `One POST per webhook URL with the body ${UNSIGNED_DELIVERY} (Content-Type: application/json, no signature header), redirects not followed. ` +
    'Pass: 400, 401, 403 or 422 within maxResponseMs (5000). Fail: not https://, refused or unresolvable, 3xx (providers do not follow redirects), 404/405/410 (no POST handler), 5xx. ' +
    'Warn: a 2xx (reachable, but the unsigned delivery was accepted: see security.shopify-webhook-hmac) or a slow answer. Error: timeout, reset or malformed answer.',
  remediation:
    'Register webhooks on the production API domain over HTTPS, keep the route outside session auth and IP allow-lists (the HMAC is the authentication), verify the signature first, ' +
    'answer within 5 seconds and process the payload asynchronously.',
  async run(ctx) {
    const parts: Part[] = await Promise.all(
      (ctx.environment.webhooks ?? []).map(async (webhook): Promise<Part> => {
        const label = `${webhook.provider} ${withoutQuery(webhook.url)}`;
        try {
          const response = await ctx.probe(httpProbe).fetch({
            url: webhook.url,
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: UNSIGNED_DELIVERY,
            followRedirects: false,
            maxBodyBytes: 16 * 1024,
          });
          return {
            label,
            outcome: verdictOf(judgeWebhookAnswer(response, ctx.options.maxResponseMs), `reachable over HTTPS and rejects unsigned deliveries (${response.status})`, {
              status: response.status,
              ms: response.timing.totalMs,
            }),
          };
        } catch (error) {
          return { label, outcome: probeFailure(error, ['refused', 'dns']) };
        }
      }),
    );
    return combine(parts, { pass: 'every webhook endpoint is reachable over HTTPS' });
  },
});
