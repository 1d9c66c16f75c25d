import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oauthApp } from '../../fixtures/apps/oauth-install.js';
import { serve, type RunningServer } from '../../fixtures/apps/serve.js';
import { hangingServer } from '../../fixtures/hostile/servers.js';
import { runCheck, targetOf } from '../../test/helpers/run-check.js';
import check from './oauth-flow.js';

const SECRET = 'readiness-fixture-oauth-secret';
let app: RunningServer;
const servers: RunningServer[] = [];
beforeAll(async () => {
  app = await serve(oauthApp(SECRET));
  servers.push(app);
});
afterAll(() => Promise.all(servers.map((s) => s.close())));

const judge = (oauth: Record<string, unknown>, record: string, http = {}) => runCheck(check, targetOf({ oauth }), { record, http, timeoutMs: 20_000 });

describe('integration.oauth-flow against a real install endpoint', () => {
  it('passes an install that redirects to Shopify with a fresh state, and a callback that checks the hmac and the state', async () => {
    const result = await judge({ install: `${app.url}/auth`, callback: `${app.url}/auth/callback`, secret: SECRET }, 'correct install');
    expect(result.status).toBe('pass');
    expect(result.message).toBe('the install redirects to Shopify with client_id, scope, an https redirect_uri and a fresh state, and the callback refuses a forged hmac and a state it never issued');
    expect(result.evidence).toMatchObject({ install: 302, callback: { 'bad hmac': 401, 'unissued state': 401 } });
    expect(JSON.stringify(result)).not.toContain(SECRET);
  });

  it('fails a callback that verifies the hmac but not the state: only the correctly signed probe shows it', async () => {
    const result = await judge({ install: `${app.url}/hmac-only/auth`, callback: `${app.url}/hmac-only/auth/callback`, secret: SECRET }, 'hmac-only callback');
    expect(result.status).toBe('fail');
    expect(result.message).toBe(
      "callback with a state it never issued: answered 302 to /app: the callback went on with a correctly signed request whose state it never issued (CSRF: an attacker's own callback completes in a victim's session)",
    );
    expect(result.evidence).toMatchObject({ callback: { 'bad hmac': 401, 'unissued state': 302 } });
    expect(result.remediation).toMatch(/refuse a callback whose state is not that one/);
    expect(JSON.stringify(result)).not.toContain(SECRET);
  });

  it('passes a callback that starts OAuth again on a state it never issued, and warns one that crashes on it', async () => {
    const restart = await judge({ install: `${app.url}/restart/auth`, callback: `${app.url}/restart/auth/callback`, secret: SECRET }, 'restarting callback');
    expect(restart.status).toBe('pass');
    expect(restart.evidence.judgements).toContain("pass callback with a state it never issued: sent back to Shopify's authorize URL to start again");
    const crash = await judge({ install: `${app.url}/crash/auth`, callback: `${app.url}/crash/auth/callback`, secret: SECRET }, 'crashing callback');
    expect(crash.status).toBe('warn');
    expect(crash.message).toBe('callback with a state it never issued: answered 500: it refuses by crashing');
  });

  it('is manual about the state without oauth.secret, and without a callback to probe', async () => {
    const unsigned = await judge({ install: `${app.url}/hmac-only/auth`, callback: `${app.url}/hmac-only/auth/callback` }, 'hmac-only callback, no secret');
    expect(unsigned.status).toBe('manual');
    expect(unsigned.message).toBe('callback with a state it never issued: not probed: set oauth.secret so readiness can sign a callback with a state it never issued');
    const result = await judge({ install: `${app.url}/auth` }, 'no callback configured');
    expect(result.status).toBe('manual');
    expect(result.message).toBe('callback: not probed: no oauth.callback is configured');
  });

  it('is manual with guidance when no oauth is configured', async () => {
    const result = await runCheck(check, targetOf({ services: { api: { url: app.url } } }));
    expect(result.status).toBe('manual');
    expect(result.message).toMatch(/^not probed: no oauth is configured; set oauth\.install \(with oauth\.callback and oauth\.secret, the app's API secret key\)/);
    expect(result.message).toContain("Until then it needs a person's attestation: An install on a development store");
    expect(result.remediation).toMatch(/^Configure oauth: \{ install: /);
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

  it('reports error for a wrong URL, a callback URL where nothing answers, and a hanging endpoint', async () => {
    const missing = await judge({ install: `${app.url}/install` }, 'wrong url');
    expect(missing.status).toBe('error');
    expect(missing.message).toMatch(/^install: answered 404: nothing answers at this URL/);
    const noCallback = await judge({ install: `${app.url}/auth`, callback: `${app.url}/auth/cb`, secret: SECRET }, 'wrong callback url');
    expect(noCallback.status).toBe('error');
    expect(noCallback.message).toBe('callback with a bad hmac: answered 404: nothing answers at oauth.callback; callback with a state it never issued: answered 404: nothing answers at oauth.callback');
    const hang = await hangingServer();
    servers.push(hang);
    const hung = await judge({ install: `${hang.url}/auth` }, 'hangs', { totalTimeoutMs: 1_000 });
    expect(hung.status).toBe('error');
  });
});
