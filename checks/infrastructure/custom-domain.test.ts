import { describe, expect, it } from 'vitest';
import { runCheck, targetOf } from '../../test/helpers/run-check.js';
import check from './custom-domain.js';

const judge = (services: Record<string, string>) =>
  runCheck(check, targetOf({ services: Object.fromEntries(Object.entries(services).map(([name, url]) => [name, { url }])) }));

describe('infrastructure.custom-domain (reads the configured URLs; sends no request)', () => {
  it('passes services on their own domain', async () => {
    const result = await judge({ api: 'https://api.shop.example', dashboard: 'https://app.shop.example' });
    expect(result.status).toBe('pass');
    expect(result.message).toBe('every service is on its own domain');
  });

  it("fails a service left on Railway's default domain, naming the platform", async () => {
    const result = await judge({ api: 'https://api.shop.example', widget: 'https://widget-production-4f2a.up.railway.app' });
    expect(result.status).toBe('fail');
    expect(result.message).toBe("widget: on Railway's default domain (*.up.railway.app): widget-production-4f2a.up.railway.app");
    expect(result.severity).toBe('low');
  });

  it('fails tunnel and preview hosts the fixed list did not know, read from the public suffix list and the kept lists', async () => {
    const result = await judge({ api: 'https://quiet-fox-lake.trycloudflare.com', widget: 'https://3f2a.ngrok.app', dashboard: 'https://4c1d-shop.riker.replit.dev' });
    expect(result.status).toBe('fail');
    expect(result.evidence).toMatchObject({ api: { kind: 'tunnel' }, widget: { kind: 'tunnel' }, dashboard: { kind: 'preview', suffix: 'replit.dev' } });
  });

  it('warns about a bare IP address', async () => {
    expect((await judge({ api: 'http://203.0.113.7:8080' })).message).toBe('api: reached by an IP address (203.0.113.7), not a domain');
  });

  it('cannot error: it opens no connection (the runner still turns a crash into error, see runner tests)', async () => {
    expect((await judge({ api: 'https://[2001:db8::1]/' })).status).toBe('warn');
  });
});
