import { z } from 'zod';
import { httpUrl } from './common.js';
import { secret } from './secret.js';

/** Providers whose delivery format readiness can imitate; `magento` (Adobe Commerce) signs with RSA, so only forged deliveries are sent to it. */
export const WEBHOOK_PROVIDERS = ['shopify', 'woocommerce', 'stripe', 'github', 'magento', 'generic'] as const;
export type WebhookProvider = (typeof WEBHOOK_PROVIDERS)[number];

export const webhookSchema = z.strictObject({
  url: httpUrl.describe('Endpoint that receives the deliveries'),
  provider: z
    .enum(WEBHOOK_PROVIDERS)
    .default('generic')
    .describe('Who sends them: shopify, woocommerce, stripe, github, magento (Adobe Commerce) or generic; decides the headers and signature format of the test deliveries'),
  secret: secret(z.string())
    .optional()
    .describe('Signing secret, usually "${…}": signs harmless test deliveries and is never printed'),
});
