import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type RunningServer } from '../../fixtures/apps/serve.js';
import { hangingServer, resettingServer } from '../../fixtures/hostile/servers.js';
import { createTestPki, EKU, type LeafSpec, type ServerCredentials, type TestPki } from '../../fixtures/tls/pki.js';
import { serveHttps } from '../../fixtures/tls/servers.js';
import { runCheck, targetOf } from '../../test/helpers/run-check.js';
import check from './ssl-certificates.js';

let pki: TestPki;
const servers: RunningServer[] = [];
beforeAll(async () => {
  pki = await createTestPki();
});
afterAll(() => Promise.all(servers.map((s) => s.close())));

const ok = (_req: unknown, res: { end(body: string): void }) => res.end('ok');
async function https(credentials: Promise<ServerCredentials>, legacyProtocols = false, weakCertificates = false): Promise<RunningServer> {
  const server = await serveHttps(ok as never, await credentials, { legacyProtocols, weakCertificates });
  servers.push(server);
  return server;
}
const loopback = (extra: Partial<LeafSpec> = {}): LeafSpec => ({ hosts: ['127.0.0.1', 'localhost'], ...extra });
const judge = (url: string, http = {}, record?: string) => runCheck(check, targetOf({ services: { api: { url } } }), { extraCa: pki.caPem, http, ...(record ? { record } : {}) });
const own = (result: { evidence: Record<string, unknown> }) => result.evidence.api as { message: string; daysLeft?: number; chain?: string[] };

describe('infrastructure.ssl-certificates against real TLS servers (CA generated at test time)', () => {
  it('passes a trusted, complete chain for the host with 90 days left', async () => {
    const server = await https(pki.server(loopback()));
    const result = await judge(server.url, {}, 'trusted chain with 90 days left');
    expect(result.status).toBe('pass');
    expect(own(result)).toMatchObject({ daysLeft: 89, chain: ['CN=127.0.0.1', 'CN=readiness test intermediate CA', 'CN=readiness test root CA'] });
  });

  it.each([
    ['expired', () => pki.server(loopback({ notBeforeDays: -100, notAfterDays: -2 })), 'fail', /expiry: expired on/],
    ['expiring in 10 days', () => pki.server(loopback({ notAfterDays: 10.5 })), 'fail', /expiry: expires in 10 days .*, under 14/],
    ['expiring in 20 days', () => pki.server(loopback({ notAfterDays: 20.5 })), 'warn', /expiry: expires in 20 days .*, under 30/],
    ['self-signed', () => pki.selfSigned(loopback()), 'fail', /chain: not trusted: the certificate is self-signed/],
    ['for another host', () => pki.server({ hosts: ['shop.example.com'] }), 'fail', /host name: the certificate does not cover 127\.0\.0\.1 \(it covers shop\.example\.com\)/],
    ['served without its intermediate', () => pki.incompleteChain(loopback()), 'fail', /chain: not trusted: the chain is incomplete/],
  ])('judges a certificate %s', async (name, make, status, message) => {
    const server = await https(make());
    const result = await judge(server.url, {}, `certificate ${name}`);
    expect(result.status).toBe(status);
    expect(result.message).toMatch(message);
    expect(result.remediation.length).toBeGreaterThan(20);
  });

  // Node's verifier accepts each of these; a browser refuses them (CA/Browser Forum baseline requirements, Chromium).
  it.each([
    ['an RSA-1024 leaf', () => pki.server(loopback({ key: { kind: 'rsa', bits: 1024 } })), 'fail', /^api: keys: CN=127\.0\.0\.1 has an RSA key of 1024 bits: browsers and the CA\/Browser Forum baseline requirements \(§6\.1\.5\) require at least 2048$/],
    ['an intermediate that expired', async () => (await pki.intermediate('readiness test old intermediate', { notBeforeDays: -400, notAfterDays: -3 })).server(loopback()), 'fail', /^api: validity: CN=readiness test old intermediate in the chain expired on \S+: browsers refuse every certificate under it$/],
    ['an intermediate restricted to client authentication', async () => (await pki.intermediate('readiness test client CA', { extendedKeyUsages: [EKU.clientAuth] })).server(loopback()), 'fail', /^api: usage: the CA certificate CN=readiness test client CA is restricted to clientAuth: browsers refuse the server certificates it issues$/],
    ['a leaf for client authentication only', () => pki.server(loopback({ extendedKeyUsages: [EKU.clientAuth] })), 'fail', /^api: usage: the certificate is for clientAuth, not serverAuth: browsers refuse it for a TLS server$/],
    ['a leaf without extended key usage', () => pki.server(loopback({ extendedKeyUsages: null })), 'warn', /^api: usage: the certificate has no extended key usage: the baseline requirements \(§7\.1\.2\.7\.10\) require serverAuth \(browsers accept its absence\)$/],
  ])('judges %s as a browser does', async (name, make, status, message) => {
    const server = await https(make());
    const result = await judge(server.url, {}, `browser: ${name}`);
    expect(result.status).toBe(status);
    expect(result.message).toMatch(message);
  });

  it('fails a leaf signed with SHA-1', async () => {
    const server = await https(pki.server(loopback({ signatureHash: 'SHA-1' })), false, true);
    const result = await judge(server.url, {}, 'browser: a SHA-1 signature');
    expect(result.status).toBe('fail');
    expect(result.message).toContain('signatures: CN=127.0.0.1 is signed with ecdsa-with-SHA1: browsers refuse SHA-1 and MD5 signatures');
  });

  it('fails a certificate that names its host only in the subject CN, which Node accepts and browsers do not', async () => {
    const server = await https(pki.server({ hosts: ['localhost'], commonNameOnly: true }));
    const result = await judge(`https://localhost:${server.port}`, {}, 'browser: a CN-only certificate');
    expect(result.status).toBe('fail');
    expect(result.message).toBe(
      'api: host name: the certificate names localhost only in its subject CN (CN=localhost), with no subjectAltName: browsers ignore the CN (Chrome since version 58; RFC 6125 §6.4.4, baseline requirements §7.1.2.7.12)',
    );
  });

  it('warns when TLS 1.0 and 1.1 are still offered', async () => {
    const server = await https(pki.server(loopback()), true);
    const result = await judge(server.url, {}, 'TLS 1.0 and 1.1 offered');
    expect(result.status).toBe('warn');
    expect(result.message).toContain('protocols: still offers TLSv1 and TLSv1.1');
  });

  it('applies configured expiry thresholds and rejects inverted ones', async () => {
    const server = await https(pki.server(loopback({ notAfterDays: 40.5 })));
    expect((await runCheck(check, targetOf({ services: { api: { url: server.url } } }), { extraCa: pki.caPem, options: { warnWithinDays: 60 }, record: 'expires in 40 days, warn within 60' })).status).toBe('warn');
    expect(check.options?.safeParse({ failWithinDays: 30, warnWithinDays: 10 }).success).toBe(false);
  });

  it('fails a plain-http service and a closed TLS port', async () => {
    expect((await judge('http://127.0.0.1:1', {}, 'plain http service url')).message).toContain('served over plain http://');
    const closed = await serve(ok as never);
    await closed.close();
    const refused = await judge(`https://127.0.0.1:${closed.port}`, {}, 'closed TLS port');
    expect(refused.status).toBe('fail');
    expect(refused.message).toContain('connection refused');
  });

  it('reports error, within the timeout, on a server that never completes the handshake or resets it', async () => {
    const hang = await hangingServer();
    servers.push(hang);
    const started = Date.now();
    const hung = await judge(`https://127.0.0.1:${hang.port}`, { totalTimeoutMs: 300 }, 'handshake hangs');
    expect(hung.status).toBe('error');
    expect(hung.message).toMatch(/no TLS handshake .* within 300 ms/);
    expect(Date.now() - started).toBeLessThan(3_000);
    const reset = await resettingServer();
    servers.push(reset);
    expect((await judge(`https://127.0.0.1:${reset.port}`, {}, 'handshake reset')).status).toBe('error');
  });
});
