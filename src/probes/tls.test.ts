import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type RunningServer } from '../../fixtures/apps/serve.js';
import { hangingServer } from '../../fixtures/hostile/servers.js';
import { createTestPki, EKU, type TestPki } from '../../fixtures/tls/pki.js';
import { serveHttps } from '../../fixtures/tls/servers.js';
import { ProbeError } from '../core/errors.js';
import { TlsProbe } from './tls.js';

const ok = () => undefined;
let pki: TestPki;
const servers: RunningServer[] = [];
const probe = (extraCa?: string, totalTimeoutMs = 2_000) =>
  new TlsProbe({ limits: { connectTimeoutMs: 1_000, totalTimeoutMs }, ...(extraCa ? { extraCa } : {}) });
const started = async (server: Promise<RunningServer>) => {
  const s = await server;
  servers.push(s);
  return s;
};

beforeAll(async () => {
  pki = await createTestPki();
});
afterAll(() => Promise.all(servers.map((s) => s.close())));

describe('TlsProbe', () => {
  it('describes a trusted, complete chain for the right host, and no legacy protocols', async () => {
    const s = await started(serveHttps(ok, await pki.server({ hosts: ['127.0.0.1', 'localhost'] })));
    const seen = await probe(pki.caPem).inspect('127.0.0.1', s.port);
    expect(seen).toMatchObject({ trusted: true, trustError: null, hostnameError: null, legacy: { TLSv1: 'refused', 'TLSv1.1': 'refused' } });
    expect(seen.protocol).toMatch(/^TLSv1\.[23]$/);
    expect(seen.chain).toHaveLength(3);
    expect(seen.chain[0]?.altNames).toEqual(['127.0.0.1', 'localhost']);
  });

  it('does not trust the test CA unless told to', async () => {
    const s = await started(serveHttps(ok, await pki.server({ hosts: ['127.0.0.1'] })));
    const seen = await probe().inspect('127.0.0.1', s.port);
    expect(seen.trusted).toBe(false);
    expect(seen.trustError).toBe('UNABLE_TO_GET_ISSUER_CERT_LOCALLY');
  });

  it.each([
    ['expired', (p: TestPki) => p.server({ hosts: ['127.0.0.1'], notBeforeDays: -60, notAfterDays: -1 }), 'CERT_HAS_EXPIRED'],
    ['self-signed', (p: TestPki) => p.selfSigned({ hosts: ['127.0.0.1'] }), 'DEPTH_ZERO_SELF_SIGNED_CERT'],
    ['incomplete chain', (p: TestPki) => p.incompleteChain({ hosts: ['127.0.0.1'] }), 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'],
  ])('reports a %s certificate without refusing to look at it', async (_name, make, code) => {
    const s = await started(serveHttps(ok, await make(pki)));
    const seen = await probe(pki.caPem).inspect('127.0.0.1', s.port);
    expect(seen.trusted).toBe(false);
    expect(seen.trustError).toBe(code);
    expect(seen.chain.length).toBeGreaterThan(0);
  });

  it('reports a certificate for another host name', async () => {
    const s = await started(serveHttps(ok, await pki.server({ hosts: ['shop.example.com'] })));
    const seen = await probe(pki.caPem).inspect('127.0.0.1', s.port);
    expect(seen.trusted).toBe(true);
    expect(seen.hostnameError).toMatch(/IP: 127\.0\.0\.1 is not in the cert's list/);
  });

  it('reads each certificate as a browser would judge it: key, signature algorithm, SAN and extended key usage', async () => {
    const rsa = await started(serveHttps(ok, await pki.server({ hosts: ['127.0.0.1'], key: { kind: 'rsa', bits: 1024 } })));
    const [leaf, intermediate, root] = (await probe(pki.caPem).inspect('127.0.0.1', rsa.port)).chain;
    expect(leaf).toMatchObject({ ca: false, publicKey: { type: 'rsa', bits: 1024 }, signatureAlgorithm: 'ecdsa-with-SHA256', hasSubjectAltName: true, extendedKeyUsage: [EKU.serverAuth] });
    expect(intermediate).toMatchObject({ ca: true, publicKey: { type: 'ec', bits: 256, curve: 'prime256v1' }, extendedKeyUsage: null });
    expect(root).toMatchObject({ ca: true, selfSigned: true });
    const cnOnly = await started(serveHttps(ok, await pki.server({ hosts: ['localhost'], commonNameOnly: true, extendedKeyUsages: [EKU.clientAuth] })));
    expect((await probe(pki.caPem).inspect('127.0.0.1', cnOnly.port)).chain[0]).toMatchObject({ subject: 'CN=localhost', altNames: [], hasSubjectAltName: false, extendedKeyUsage: [EKU.clientAuth] });
    const sha1 = await started(serveHttps(ok, await pki.server({ hosts: ['127.0.0.1'], signatureHash: 'SHA-1' }), { weakCertificates: true }));
    expect((await probe(pki.caPem).inspect('127.0.0.1', sha1.port)).chain[0]?.signatureAlgorithm).toBe('ecdsa-with-SHA1');
  });

  it('sees TLS 1.0 and 1.1 when the server still offers them', async () => {
    const s = await started(serveHttps(ok, await pki.server({ hosts: ['127.0.0.1'] }), { legacyProtocols: true }));
    const seen = await probe(pki.caPem).inspect('127.0.0.1', s.port);
    expect(seen.legacy).toEqual({ TLSv1: 'offered', 'TLSv1.1': 'offered' });
  });

  it('fails with a reason on a refused port, a hanging server and a plain-HTTP port', async () => {
    const closed = await serve(ok);
    await closed.close();
    await expect(probe().inspect('127.0.0.1', closed.port)).rejects.toMatchObject({ code: 'refused' });
    const hang = await started(hangingServer());
    const before = Date.now();
    const error = await probe(undefined, 300).inspect('127.0.0.1', hang.port).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProbeError);
    expect(error).toMatchObject({ code: 'timeout' });
    expect(Date.now() - before).toBeLessThan(2_000);
    const plain = await started(serve((_req, res) => res.end('not tls')));
    await expect(probe().inspect('127.0.0.1', plain.port)).rejects.toMatchObject({ code: 'tls' });
  });
});
