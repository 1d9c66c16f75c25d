import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oauthApp } from '../../fixtures/apps/oauth-install.js';
import { serve, type RunningServer } from '../../fixtures/apps/serve.js';
import { hangingServer } from '../../fixtures/hostile/servers.js';
import { runCheck, targetOf } from '../../test/helpers/run-check.js';
import check from './oauth-flow.js';

let app: RunningServer;
const servers: RunningServer[] = [];
beforeAll(async () => {
  app = await serve(oauthApp('readiness-fixture-oauth-secret'));
  servers.push(app);
});
afterAll(() => Promise.all(servers.map((s) => s.close())));

const judge = (oauth: Record<string, unknown>, record: string, http = {}) => runCheck(check, targetOf({ oauth }), { record, http, timeoutMs: 20_000 });

describe('integration.oauth-flow against a real install endpoint', () => {
  it('passes an install that redirects to Shopify with a fresh state, and a callback that checks the hmac', async () => {
    const result = await judge({ install: `${app.url}/auth`, callback: `${app.url}/auth/callback` }, 'correct install');
    expect(result.status).toBe('pass');
    expect(result.message).toBe('the install redirects to Shopify with client_id, scope, an https redirect_uri and a fresh state, and the callback refuses a forged hmac');
  });

  it('is manual without a callback to probe', async () => {
    const result = await judge({ install: `${app.url}/auth` }, 'no callback configured');
    expect(result.status).toBe('manual');
    expect(result.message).toBe('callback: not probed: no oauth.callback is configured');
  });

  it('fails a fixed state, an http redirect_uri and a callback that accepts a forged hmac', async () => {
    const result = await judge({ install: `${app.url}/fixed-state/auth`, callback: `${app.url}/fixed-state/auth/callback` }, 'fixed state');
    expect(result.status).toBe('fail');
    expect(result.message).toMatch(/redirect_uri: http:\/\/127\.0\.0\.1:\d+\/fixed-state\/auth\/callback is not https/);
    expect(result.message).toMatch(/state: the same on two install requests: a fixed state is no nonce/);
    expect(result.message).toMatch(/callback with a bad hmac: answered 302 to \/app: the callback went on with a forged hmac/);
  });

  it("fails a redirect_uri on another domain, and an authorize URL without client_id and scope", async () => {
    const foreign = await judge({ install: `${app.url}/foreign/auth` }, 'foreign redirect_uri');
    expect(foreign.status).toBe('fail');
    expect(foreign.message).toBe("redirect_uri: https://app.example.net/auth/callback is not on the app's own domain (127.0.0.1)");
    const bare = await judge({ install: `${app.url}/no-client/auth` }, 'no client_id or scope');
    expect(bare.status).toBe('fail');
    expect(bare.message).toBe('client_id: missing; scope: missing');
  });

  it('reports error for a wrong URL and a hanging endpoint', async () => {
    const missing = await judge({ install: `${app.url}/install` }, 'wrong url');
    expect(missing.status).toBe('error');
    expect(missing.message).toMatch(/^install: answered 404: nothing answers at this URL/);
    const hang = await hangingServer();
    servers.push(hang);
    const hung = await judge({ install: `${hang.url}/auth` }, 'hangs', { totalTimeoutMs: 1_000 });
    expect(hung.status).toBe('error');
  });
});
