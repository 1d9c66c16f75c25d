import { z } from 'zod';
import { httpUrl, nonEmpty } from './common.js';

export const oauthSchema = z.strictObject({
  install: httpUrl.describe('The install endpoint that starts Shopify OAuth, e.g. https://app.example.com/auth (readiness adds ?shop=)'),
  callback: httpUrl.optional().describe('The OAuth callback, e.g. https://app.example.com/auth/callback: probed with a bad hmac, which it must refuse'),
  shop: nonEmpty.default('readiness-probe.myshopify.com').describe('Shop domain sent to the install endpoint (a shop that does not exist)'),
});
