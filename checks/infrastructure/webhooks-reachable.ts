import { z } from 'zod';
import { notProbed, CONFIGURE_WEBHOOKS } from '../../src/kit/not-probed.js';
import { defineCheck } from '../../src/kit/check.js';
import { combine, verdictOf, type Part } from '../../src/core/outcome.js';
import { isProbeError } from '../../src/core/errors.js';
import { probeFailure } from '../../src/kit/probe-failure.js';
import { isRejection, judgeWebhookAnswer, SIBLING_SEGMENT, siblingUrl, wallOf, withoutQuery } from '../../src/rules/webhooks.js';
import { httpProbe } from '../../src/probes/http.js';
import { webhookProbe } from '../../src/probes/webhook.js';
import { canSign } from '../../src/probes/webhook-formats.js';

/** An empty JSON object: a delivery no signature covers, which a verifying endpoint rejects before processing. */
const UNSIGNED_DELIVERY = '{}';

const ATTESTATION =
  "For each webhook URL registered with the provider: that it is https:// on the production domain, and the provider's delivery log " +
  "(the Partner dashboard's webhook metrics, Stripe's event deliveries) showing recent deliveries answered 2xx within 5 seconds.";

const options = z.strictObject({
  maxResponseMs: z.number().int().min(100).max(60_000).default(5_000).describe('Slower answers warn: Shopify gives up after 5 s and retries'),
});

export default defineCheck<z.infer<typeof options>>({
  id: 'infrastructure.webhooks-reachable',
  section: 'infrastructure',
  item: 'Webhook endpoints publicly accessible',
  severity: 'high',
  automation: 'automated',
  needs: [],
  options,
  verifies:
    "Every configured webhook URL is https:// and reachable: the receiver itself answers POST there, quickly, and rejects an unsigned delivery — not a wall in front of it that would refuse the provider's signed deliveries too.",
  how:
    `One POST per webhook URL with the body ${UNSIGNED_DELIVERY} (Content-Type: application/json, no signature header), redirects not followed; when it is rejected (400, 401, 403, 422) without showing why, ` +
    `one more such POST to an unrelated sibling path (…/${SIBLING_SEGMENT}). Pass: the rejection within maxResponseMs (5000), answered differently from the sibling. ` +
    'Fail: not https://, refused or unresolvable, 3xx (providers do not follow redirects), 404/405/410 (no POST handler), 5xx; a rejection with WWW-Authenticate (HTTP auth), ' +
    'an HTML login page, or an HTML error page of a proxy, allow-list, WAF or CSRF check (nginx\'s "403 Forbidden", Cloudflare\'s "Access denied"): walls that refuse signed deliveries too. ' +
    'Warn: a 2xx (reachable, but the unsigned delivery was accepted: see security.shopify-webhook-hmac); another HTML rejection page; the same status and body on the sibling path ' +
    '(something in front of every path answered, not the receiver); a slow answer. Error: timeout, reset or malformed answer. With webhooks[].secret set (shopify, woocommerce, stripe, github), a rejection is judged by the webhook family\'s genuinely signed test delivery instead of the page and sibling: ' +
    'accepted (2xx) means the receiver itself rejected the unsigned one (pass); refused means signed deliveries are refused too (fail). Manual: no webhook configured.',
  attestation: ATTESTATION,
  remediation:
    'Register webhooks on the production API domain over HTTPS, keep the route outside session auth and IP allow-lists (the HMAC is the authentication), verify the signature first, ' +
    'answer within 5 seconds and process the payload asynchronously.',
  async run(ctx) {
    const webhooks = ctx.environment.webhooks ?? [];
    if (webhooks.length === 0) {
      return notProbed({
        missing: 'no webhook is configured',
        configure: "list the app's webhook endpoints in webhooks (url and provider) so readiness posts an unsigned delivery to each and checks the receiver itself answers",
        attestation: ATTESTATION,
        remediation: CONFIGURE_WEBHOOKS,
      });
    }
    const parts: Part[] = await Promise.all(
      webhooks.map(async (webhook): Promise<Part> => {
        const label = `${webhook.provider} ${withoutQuery(webhook.url)}`;
        try {
          const deliver = (url: string) =>
            ctx.probe(httpProbe).fetch({ url, method: 'POST', headers: { 'content-type': 'application/json' }, body: UNSIGNED_DELIVERY, followRedirects: false, maxBodyBytes: 16 * 1024 });
          const response = await deliver(webhook.url);
          // With the secret, a genuinely signed delivery tells the receiver's own rejection from a wall, better than any page reading.
          const signedStatus =
            isRejection(response) && webhook.secret && canSign(webhook.provider)
              ? (await ctx.probe(webhookProbe).deliveries(webhook.url)).answers.find((a) => a.kind === 'signed')?.status
              : undefined;
          // Only a rejection that does not already show its wall needs the sibling's answer to tell the receiver from a wall.
          const sibling =
            isRejection(response) && signedStatus === undefined && !wallOf(response)
              ? await deliver(siblingUrl(webhook.url)).catch((error: unknown) => {
                  // The sibling only sharpens the verdict; a sibling that gives no answer leaves the webhook's own to stand.
                  if (isProbeError(error) && error.code !== 'aborted') return undefined;
                  throw error;
                })
              : undefined;
          return {
            label,
            outcome: verdictOf(judgeWebhookAnswer(response, ctx.options.maxResponseMs, sibling, signedStatus), `reachable over HTTPS and rejects unsigned deliveries (${response.status})`, {
              status: response.status,
              ...(signedStatus !== undefined ? { signedStatus } : {}),
              ms: response.timing.totalMs,
              ...(sibling ? { sibling: { path: new URL(sibling.requestedUrl).pathname, status: sibling.status } } : {}),
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
