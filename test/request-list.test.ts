import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { observeRequests, README_END, README_START, renderRequestList, REQUEST_SCENARIOS, withRequestList } from '../scripts/request-list.js';

const README = new URL('../README.md', import.meta.url);

describe("the README's list of requests the probes send", () => {
  it('is what the checks send today (npm run requests regenerates it)', async () => {
    const observed = await observeRequests();
    const list = renderRequestList(observed);
    if (process.env.PRINT_REQUESTS) process.stdout.write(list);
    const readme = readFileSync(README, 'utf8');
    expect(readme).toContain(README_START);
    expect(withRequestList(readme, list), 'README.md request list is stale: run `npm run requests`').toBe(readme);
    process.stdout.write(`request list: ${observed.flat().length} requests in ${REQUEST_SCENARIOS.length} scenarios\n`);
  }, 60_000);

  it('covers every check that sends webhook deliveries, API-key attempts or OAuth requests, and shows no secret', async () => {
    const covered = new Set(REQUEST_SCENARIOS.map((s) => s.check));
    for (const id of ['security.shopify-webhook-hmac', 'integration.webhook-handlers', 'integration.woocommerce-magento-webhooks', 'infrastructure.webhooks-reachable', 'integration.api-key-auth', 'integration.oauth-flow']) {
      expect(covered, id).toContain(id);
    }
    const readme = readFileSync(README, 'utf8');
    const section = readme.slice(readme.indexOf(README_START), readme.indexOf(README_END));
    // The scenarios' signing secret and valid key: signatures are elided, the key shows as its config key.
    expect(section).not.toMatch(/readiness-request-list-(secret|key)/);
    expect(section).toContain('Bearer <apiKey.key>');
  });
});
