import { z } from 'zod';
import { judged, verdictOf, type Judgement } from '../../src/core/outcome.js';
import { notProbed } from '../../src/kit/not-probed.js';
import { defineCheck } from '../../src/kit/check.js';
import { probeFailure } from '../../src/kit/probe-failure.js';
import { httpProbe, type HttpRequest } from '../../src/probes/http.js';
import { judgeAnonymousSync, judgeAuthenticatedSync } from '../../src/rules/product-sync.js';

const options = z.strictObject({
  maxSyncAgeHours: z.number().positive().max(24 * 400).default(24).describe('A last sync (lastSyncedAt, lastSyncAt, syncedAt, … in the status body) older than this many hours warns'),
});
type Options = z.infer<typeof options>;

const ATTESTATION =
  'Record of a sync test on a dev store: product count in Shopify vs. in the database for that shop (matching), and an edit and a deletion in Shopify reflected in the app within the expected number of minutes, with timestamps.';

export default defineCheck<Options>({
  id: 'integration.product-sync',
  section: 'integration',
  item: 'Product sync working correctly',
  severity: 'medium',
  automation: 'partial',
  needs: [],
  options,
  verifies:
    'The product-sync status endpoint answers an authenticated request with a JSON status that reports no failure and a recent last sync, and refuses a request without the credential. ' +
    "That a merchant's products are imported and kept in sync (create, update, delete, variants, images) within the expected delay stays to attest.",
  how:
    'Up to two GETs of integrations.productSync.url, redirects not followed, answers read up to 64 KiB: with integrations.productSync.key (in header productSync.header, default authorization, scheme productSync.scheme, default Bearer for authorization), then without any credential. ' +
    'Fail: the authenticated request answered 5xx, 401/403, or 2xx without a JSON body; a status/state field saying error, failed, down…; the anonymous request answered 2xx or 5xx; a stack trace in the anonymous answer. ' +
    'Warn: a last-sync field older than maxSyncAgeHours or not a date; the anonymous request redirected or answered another 4xx than 401/403/404. Error: 404/405/410 or a redirect to the authenticated request, timeouts, refused connections. ' +
    'Manual: no integrations.productSync is configured, or no key (the anonymous request alone proves nothing works).',
  remediation:
    'Expose a read-only, authenticated sync status (last run, counts, errors); fix the initial import (GraphQL bulk operations, cursor pagination), handle products/update and products/delete webhooks, and add a periodic reconciliation job with an alert on staleness.',
  attestation: ATTESTATION,
  async run(ctx) {
    const config = ctx.environment.integrations?.productSync;
    if (!config) {
      return notProbed({
        missing: 'no integrations.productSync is configured',
        configure: 'set its url (a read-only sync status route) and key so readiness asks it with and without the credential',
        attestation: ATTESTATION,
        remediation: 'Configure integrations.productSync: { url: https://api.example.com/v1/sync/status, key: "${SYNC_STATUS_TOKEN}" }.',
      });
    }
    const header = config.header.toLowerCase();
    const scheme = config.scheme ?? (header === 'authorization' ? 'Bearer' : undefined);
    const base: HttpRequest = { url: config.url, method: 'GET', followRedirects: false, maxBodyBytes: 64 * 1024, headers: { accept: 'application/json' } };
    try {
      const judgements: Judgement[] = [];
      const statuses: Record<string, number> = {};
      if (config.key) {
        const response = await ctx.probe(httpProbe).fetch({ ...base, headers: { ...base.headers, [header]: scheme ? `${scheme} ${config.key}` : config.key } });
        statuses.authenticated = response.status;
        judgements.push(...judgeAuthenticatedSync(response, ctx.options));
      } else {
        judgements.push(judged('the status request', 'manual', 'not probed: no integrations.productSync.key is configured, so nothing shows the status endpoint works', 'Add a credential the status route accepts as integrations.productSync.key ("${…}" from the environment); it is never printed.'));
      }
      const anonymous = await ctx.probe(httpProbe).fetch(base);
      statuses.anonymous = anonymous.status;
      judgements.push(...judgeAnonymousSync(anonymous));
      const path = new URL(config.url).pathname;
      return verdictOf(judgements, `${path} answers an authenticated status request with JSON and refuses one without the credential`, { path, statuses });
    } catch (error) {
      return probeFailure(error);
    }
  },
});
