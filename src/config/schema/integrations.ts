import { z } from 'zod';
import { httpUrl, nonEmpty } from './common.js';
import { secret } from './secret.js';

/** A storefront's origin as a browser sends it: scheme, host and optional port, nothing after (no "*": one real store). */
const storefrontOrigin = z.string().refine(
  (value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value.replace(/\/$/, '');
    } catch {
      return false;
    }
  },
  { message: 'expected an origin such as https://demo-store.myshopify.com (scheme, host and optional port; no path, no "*")' },
);

export const conversionsSchema = z.strictObject({
  url: httpUrl.describe('Endpoint the widget posts conversion events to; sent a well-formed test event, invalid JSON and an event missing its fields (3 POSTs)'),
  sample: z
    .record(z.string(), z.unknown())
    .optional()
    .describe(
      'A well-formed event in the endpoint\'s own format, marked as test data (ids readiness-probe-…, shop readiness-probe.invalid, "test": true); default: readiness\'s synthetic conversion event',
    ),
});

export const productSyncSchema = z.strictObject({
  url: httpUrl.describe('A read-only sync status endpoint (e.g. /v1/sync/status), fetched with GET with and without the credential'),
  header: nonEmpty.default('authorization').describe('Header the credential travels in: authorization (default) or e.g. x-api-key'),
  scheme: nonEmpty.optional().describe('Scheme before the credential, e.g. Bearer (the default for authorization; none for other headers)'),
  key: secret(z.string())
    .optional()
    .describe('A credential the status endpoint accepts, usually "${…}": proves an authenticated status request works; never printed'),
});

export const integrationsSchema = z.strictObject({
  merchantOrigin: storefrontOrigin
    .optional()
    .describe(
      'A merchant storefront the widget is embedded on, sent as Origin and Referer by the widget and conversion probes. Default: the first exact origin in services.<widget>.origins, else https://readiness-probe.myshopify.com',
    ),
  conversions: conversionsSchema.optional().describe('The conversion-tracking endpoint, probed with one well-formed test event and two malformed ones'),
  productSync: productSyncSchema.optional().describe('The product-sync status endpoint, probed with an authenticated and an anonymous GET'),
});

export type IntegrationsConfig = z.infer<typeof integrationsSchema>;
export type ConversionsConfig = z.infer<typeof conversionsSchema>;
export type ProductSyncConfig = z.infer<typeof productSyncSchema>;
