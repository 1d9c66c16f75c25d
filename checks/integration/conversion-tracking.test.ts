import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversionsApp, type RecordedConversion } from '../../fixtures/apps/conversions.js';
import { serve, type RunningServer } from '../../fixtures/apps/serve.js';
import { hangingServer } from '../../fixtures/hostile/servers.js';
import { runCheck, targetOf } from '../../test/helpers/run-check.js';
import check from './conversion-tracking.js';

const recorded: RecordedConversion[] = [];
let api: RunningServer;
const servers: RunningServer[] = [];
beforeAll(async () => {
  api = await serve(conversionsApp(recorded));
  servers.push(api);
});
afterAll(() => Promise.all(servers.map((s) => s.close())));

const judge = (path: string, record: string, conversions: Record<string, unknown> = {}, base?: string, http?: Record<string, number>) =>
  runCheck(check, targetOf({ integrations: { conversions: { url: `${base ?? api.url}${path}`, ...conversions } } }), { record, timeoutMs: 20_000, ...(http ? { http } : {}) });

describe('integration.conversion-tracking against real conversion endpoints', () => {
  it('passes an endpoint that validates: 202 to the test event, 400 to invalid JSON, 422 to missing fields', async () => {
    const before = recorded.length;
    const result = await judge('/correct/v1/conversions', 'validating endpoint');
    expect(result.status).toBe('pass');
    expect(result.message).toBe('/correct/v1/conversions records a well-formed test event and refuses invalid JSON and an event missing its fields with a 4xx');
    expect(result.evidence).toMatchObject({ statuses: { 'well-formed': 202, 'invalid-json': 400, 'missing-fields': 422 } });
    // Exactly one event reached the store, and it says it is readiness's test data.
    expect(recorded.slice(before)).toEqual([{ route: 'correct', body: expect.objectContaining({ test: true, shop: 'readiness-probe.invalid', id: 'readiness-probe-conversion-1' }) }]);
  });

  it('passes an endpoint of its own format with the configured sample, and is error with the generic event', async () => {
    const sample = { eventName: 'purchase', shopDomain: 'readiness-probe.invalid', orderId: 'readiness-probe-order-1', test: true };
    const withSample = await judge('/own-format/v1/conversions', 'own format with sample', { sample });
    expect(withSample.status).toBe('pass');
    const generic = await judge('/own-format/v1/conversions', 'own format, generic event');
    expect(generic.status).toBe('error');
    expect(generic.message).toMatch(/^a well-formed test event: refused readiness's generic event with 422/);
  });

  it('fails an endpoint that records anything', async () => {
    const result = await judge('/accepts-anything/v1/conversions', 'accepts anything');
    expect(result.status).toBe('fail');
    expect(result.message).toBe(
      'invalid JSON: accepted with 200: the endpoint records garbage as conversions; an event missing its fields: accepted with 200: the endpoint records garbage as conversions',
    );
  });

  it('fails a hand-parser that crashes on a well-formed event, and one that shows its stack trace', async () => {
    const crashes = await judge('/crashes/v1/conversions', 'crashes');
    expect(crashes.status).toBe('fail');
    expect(crashes.message).toMatch(/^a well-formed test event: answered 500: the endpoint crashes on a well-formed event/);
    const stack = await judge('/crashes-with-stack/v1/conversions', 'crashes with stack trace');
    expect(stack.status).toBe('fail');
    expect(stack.message).toMatch(/invalid JSON: the 500 answer holds a stack trace/);
  });

  it('warns an endpoint that refuses malformed events by crashing', async () => {
    // The sample has what the hand-parser reads, so only the malformed events crash it.
    const result = await judge('/crashes/v1/conversions', 'refuses malformed by crashing', { sample: { order: { id: 'readiness-probe-order-1' }, shop: 'readiness-probe.invalid', test: true } });
    expect(result.status).toBe('warn');
    expect(result.message).toBe('invalid JSON: answered 500: refused, but by crashing; an event missing its fields: answered 500: refused, but by crashing');
  });

  it('is manual with guidance when no conversion endpoint is configured', async () => {
    const result = await runCheck(check, targetOf({ services: { api: { url: api.url } } }));
    expect(result.status).toBe('manual');
    expect(result.message).toMatch(/^not probed: no integrations\.conversions is configured; set its url/);
  });

  it('reports error for a wrong URL, an endpoint that wants a key, a refused port and a hanging endpoint', async () => {
    const missing = await judge('/nothing/v1/conversions', 'wrong url');
    expect(missing.status).toBe('error');
    expect(missing.message).toMatch(/^a well-formed test event: answered 404: nothing takes POST at this URL/);
    const key = await judge('/needs-key/v1/conversions', 'needs a key');
    expect(key.status).toBe('error');
    expect(key.message).toMatch(/refused with 401: the endpoint wants a credential readiness does not send/);
    const closed = await serve(() => undefined);
    await closed.close();
    const refused = await judge('/v1/conversions', 'connection refused', {}, closed.url);
    expect(refused.status).toBe('error');
    const hang = await hangingServer();
    servers.push(hang);
    const hung = await judge('/v1/conversions', 'hangs', {}, hang.url, { totalTimeoutMs: 1_000 });
    expect(hung.status).toBe('error');
  });
});
