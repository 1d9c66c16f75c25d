import type { WebhookProvider } from '../config/schema/webhooks.js';
import { httpProbe, type HttpProbe } from './http.js';
import { canSign, providerHeaders, signature, SIGNATURE_HEADERS, syntheticPayload, tampered, WRONG_KEY } from './webhook-formats.js';
import { defineProbe } from './registry.js';

/**
 * The test deliveries sent to one webhook URL, in this order: `unsigned` (the provider's headers, no signature),
 * `forged` (a well-formed signature made with the wrong key) and, with the secret configured and a provider whose
 * signature readiness can compute, `signed` (genuine), `tampered` (the genuine signature over a body changed after
 * signing) and, for Stripe, `stale` (genuine, but signed 10 minutes ago).
 */
export const DELIVERY_KINDS = ['unsigned', 'forged', 'signed', 'tampered', 'stale'] as const;
export type DeliveryKind = (typeof DELIVERY_KINDS)[number];

/** Stripe's SDKs refuse timestamps older than 300 s by default; 600 s is stale for any sane tolerance. */
export const STALE_SECONDS = 600;
const BODY_EXCERPT = 300;

export interface DeliveryAnswer {
  kind: DeliveryKind;
  status: number;
  ms: number;
  contentType: string | null;
  /** The start of the answer, to show a stack trace or a framework error page (never our request or the secret). */
  body: string;
  /** Size of the request body, for the documented list of requests. */
  requestBytes: number;
}

export interface WebhookDeliveries {
  url: string;
  provider: WebhookProvider;
  /** True when a secret was configured and the provider's genuine signature could be computed. */
  signed: boolean;
  answers: DeliveryAnswer[];
}

export class WebhookProbe {
  private readonly memo = new Map<string, Promise<WebhookDeliveries>>();

  constructor(
    private readonly webhooks: readonly { url: string; provider: WebhookProvider; secret?: string | undefined }[],
    private readonly http: HttpProbe,
  ) {}

  /** The deliveries to the configured webhook at `url` (the secret is looked up here, so it never travels as an argument). */
  deliveries(url: string): Promise<WebhookDeliveries> {
    let pending = this.memo.get(url);
    if (!pending) {
      pending = this.deliver(url);
      this.memo.set(url, pending);
    }
    return pending;
  }

  private async deliver(url: string): Promise<WebhookDeliveries> {
    const webhook = this.webhooks.find((w) => w.url === url);
    if (!webhook) throw new Error(`no webhook is configured at ${url}`);
    const { provider } = webhook;
    const body = syntheticPayload(provider);
    const now = Math.floor(Date.now() / 1000);
    const header = SIGNATURE_HEADERS[provider];
    const secret = webhook.secret && canSign(provider) ? webhook.secret : undefined;
    const plan: { kind: DeliveryKind; body: string; signature?: string }[] = [
      { kind: 'unsigned', body },
      { kind: 'forged', body, signature: signature(provider, WRONG_KEY, body, now) },
    ];
    if (secret) {
      const genuine = signature(provider, secret, body, now);
      plan.push({ kind: 'signed', body, signature: genuine }, { kind: 'tampered', body: tampered(body), signature: genuine });
      if (provider === 'stripe') plan.push({ kind: 'stale', body, signature: signature(provider, secret, body, now - STALE_SECONDS) });
    }
    const answers: DeliveryAnswer[] = [];
    // One after another: a receiver that processes deliveries sees them in the documented order, and a failure stops the rest.
    for (const step of plan) {
      const response = await this.http.fetch({
        url,
        method: 'POST',
        headers: { ...providerHeaders(provider), ...(step.signature ? { [header]: step.signature } : {}) },
        body: step.body,
        followRedirects: false,
        maxBodyBytes: 16 * 1024,
      });
      answers.push({
        kind: step.kind,
        status: response.status,
        ms: response.timing.totalMs,
        contentType: response.headers['content-type']?.[0] ?? null,
        body: response.body.slice(0, BODY_EXCERPT),
        requestBytes: Buffer.byteLength(step.body),
      });
    }
    return { url, provider, signed: !!secret, answers };
  }
}

export const webhookProbe = defineProbe<WebhookProbe>({
  name: 'webhook',
  describes:
    'Up to 5 POSTs per configured webhook URL, one after another through the HTTP probe, redirects not followed: a synthetic test delivery ' +
    '(ids readiness-probe-…, shop readiness-probe.invalid, "test": true) with the provider\'s headers and no signature, with a well-formed wrong ' +
    'signature, and with the configured secret a genuine signature, the genuine signature over a body changed after signing, and for Stripe a ' +
    'genuine signature 10 minutes old. The secret signs and is never sent or printed.',
  create: (run) => new WebhookProbe(run.target.environment.webhooks ?? [], run.get(httpProbe)),
});
