import { z } from 'zod';
import { httpUrl, nonEmpty } from './common.js';
import { secret } from './secret.js';

export const oauthSchema = z.strictObject({
  install: httpUrl.describe('The install endpoint that starts Shopify OAuth, e.g. https://app.example.com/auth (readiness adds ?shop=)'),
  callback: httpUrl.optional().describe('The OAuth callback, e.g. https://app.example.com/auth/callback: probed with a bad hmac and, with secret, a correctly signed state it never issued: it must refuse both'),
  shop: nonEmpty.default('readiness-probe.myshopify.com').describe('Shop domain sent to the install endpoint (a shop that does not exist)'),
  secret: secret(z.string())
    .optional()
    .describe("The app's Shopify API secret key, usually \"${SHOPIFY_API_SECRET}\": signs one callback with a state the app never issued, which it must refuse; never printed"),
});
