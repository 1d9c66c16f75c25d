import { describe, expect, it } from 'vitest';
import type { CertificateInfo, TlsObservation } from '../probes/tls.js';
import { browserRefusal, judgeCertificate } from './certificate.js';

const now = new Date('2026-06-01T00:00:00Z');
const inDays = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString();

function seen(overrides: Partial<TlsObservation> & { daysLeft?: number } = {}): TlsObservation {
  const { daysLeft = 80, ...rest } = overrides;
  return {
    host: 'api.example.com',
    port: 443,
    protocol: 'TLSv1.3',
    cipher: 'TLS_AES_128_GCM_SHA256',
    trusted: true,
    trustError: null,
    hostnameError: null,
    chain: [
      {
        subject: 'CN=api.example.com',
        issuer: 'CN=R11, O=Let\'s Encrypt',
        altNames: ['api.example.com'],
        validFrom: inDays(-10),
        validTo: inDays(daysLeft),
        fingerprint256: 'AA:BB',
        selfSigned: false,
        ca: false,
        publicKey: { type: 'ec', bits: 256, curve: 'prime256v1' },
        signatureAlgorithm: 'ecdsa-with-SHA256',
        hasSubjectAltName: true,
        extendedKeyUsage: ['1.3.6.1.5.5.7.3.1'],
      },
      intermediate(),
    ],
    legacy: { TLSv1: 'refused', 'TLSv1.1': 'refused' },
    ...rest,
  };
}

function intermediate(overrides: Partial<CertificateInfo> = {}): CertificateInfo {
  return {
    subject: "CN=R11, O=Let's Encrypt",
    issuer: 'CN=ISRG Root X1',
    altNames: [],
    validFrom: inDays(-400),
    validTo: inDays(700),
    fingerprint256: 'CC:DD',
    selfSigned: false,
    ca: true,
    publicKey: { type: 'rsa', bits: 2048 },
    signatureAlgorithm: 'sha256WithRSAEncryption',
    hasSubjectAltName: false,
    extendedKeyUsage: ['1.3.6.1.5.5.7.3.2', '1.3.6.1.5.5.7.3.1'],
    ...overrides,
  };
}

/** The observation with its leaf (index 0) or intermediate (index 1) changed. */
function withCert(index: 0 | 1, overrides: Partial<CertificateInfo>, rest: Partial<TlsObservation> = {}): TlsObservation {
  const base = seen(rest);
  return { ...base, chain: base.chain.map((c, i) => (i === index ? { ...c, ...overrides } : c)) };
}

const statusOf = (subject: string, observation: TlsObservation) => judgeCertificate(observation, now).find((j) => j.subject === subject);

describe('judgeCertificate', () => {
  it('passes a trusted certificate for the host with time to spare and no legacy protocols', () => {
    expect(judgeCertificate(seen(), now).map((j) => `${j.subject} ${j.status}`)).toEqual([
      'chain pass',
      'host name pass',
      'keys pass',
      'signatures pass',
      'usage pass',
      'expiry pass',
      'protocols pass',
    ]);
    expect(browserRefusal(seen(), now)).toBeUndefined();
  });

  it.each([
    [-1, 'fail', /^expired on/],
    [0, 'fail', /^expires in 0 days .*, under 14$/],
    [13, 'fail', /^expires in 13 days .*, under 14$/],
    [14, 'warn', /^expires in 14 days .*, under 30$/],
    [29, 'warn', /^expires in 29 days/],
    [30, 'pass', /^valid for 30 more days$/],
  ])('%i days left → %s', (daysLeft, status, message) => {
    const expiry = statusOf('expiry', seen({ daysLeft: daysLeft + 0.5 }));
    expect(expiry?.status).toBe(status);
    expect(expiry?.message).toMatch(message);
  });

  it('honours configured thresholds', () => {
    expect(judgeCertificate(seen({ daysLeft: 40.5 }), now, { failDays: 7, warnDays: 45 }).find((j) => j.subject === 'expiry')?.status).toBe('warn');
  });

  it.each([
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'not trusted: the certificate is self-signed: no browser trusts it'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'not trusted: the chain is incomplete: the server does not send the intermediate certificate(s)'],
    ['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'not trusted: the issuer is not a trusted CA (or the chain is incomplete)'],
    ['SOMETHING_NEW', 'not trusted: verification failed (SOMETHING_NEW)'],
  ])('fails an untrusted chain (%s) with the reason', (trustError, message) => {
    expect(statusOf('chain', seen({ trusted: false, trustError }))).toMatchObject({ status: 'fail', message });
  });

  it('reports an expired chain once, as expiry', () => {
    const judgements = judgeCertificate(seen({ trusted: false, trustError: 'CERT_HAS_EXPIRED', daysLeft: -3 }), now);
    expect(judgements.filter((j) => j.status === 'fail').map((j) => j.subject)).toEqual(['expiry']);
  });

  it('fails a certificate that does not cover the host, naming what it covers', () => {
    expect(statusOf('host name', seen({ hostnameError: "Hostname/IP does not match certificate's altnames" }))?.message).toBe(
      'the certificate does not cover api.example.com (it covers api.example.com)',
    );
  });

  it('warns about TLS 1.0 and 1.1', () => {
    expect(statusOf('protocols', seen({ legacy: { TLSv1: 'offered', 'TLSv1.1': 'offered' } }))).toMatchObject({
      status: 'warn',
      message: 'still offers TLSv1 and TLSv1.1 (deprecated by RFC 8996)',
    });
    expect(statusOf('protocols', seen({ legacy: { TLSv1: 'unknown', 'TLSv1.1': 'refused' } }))?.message).toBe('TLSv1.3 negotiated; TLSv1 not determined');
  });
});

describe('judgeCertificate as a browser judges the chain', () => {
  const problems = (observation: TlsObservation) => judgeCertificate(observation, now).filter((j) => j.status !== 'pass').map((j) => `${j.status} ${j.subject}: ${j.message}`);

  it.each<[string, Partial<CertificateInfo>, string]>([
    ['RSA 1024', { publicKey: { type: 'rsa', bits: 1024 } }, 'fail keys: CN=api.example.com has an RSA key of 1024 bits: browsers and the CA/Browser Forum baseline requirements (§6.1.5) require at least 2048'],
    ['RSA 2047', { publicKey: { type: 'rsa', bits: 2047 } }, 'fail keys: CN=api.example.com has an RSA key of 2047 bits: browsers and the CA/Browser Forum baseline requirements (§6.1.5) require at least 2048'],
    ['RSA 3072+4', { publicKey: { type: 'rsa', bits: 3076 } }, 'fail keys: CN=api.example.com has an RSA modulus of 3076 bits, not a multiple of 8 (baseline requirements §6.1.5)'],
    ['ECDSA P-521', { publicKey: { type: 'ec', bits: 521, curve: 'secp521r1' } }, 'fail keys: CN=api.example.com has an ECDSA key on secp521r1: browsers accept only P-256 and P-384'],
    ['secp256k1', { publicKey: { type: 'ec', bits: 256, curve: 'secp256k1' } }, 'fail keys: CN=api.example.com has an ECDSA key on secp256k1: browsers accept only P-256 and P-384'],
    ['Ed25519', { publicKey: { type: 'ed25519', bits: null } }, 'fail keys: CN=api.example.com has an ed25519 key: browsers accept only RSA (2048 bits or more) and ECDSA (P-256, P-384) certificate keys'],
    ['SHA-1 RSA', { signatureAlgorithm: 'sha1WithRSAEncryption' }, expect.stringMatching(/^fail signatures: CN=api\.example\.com is signed with sha1WithRSAEncryption: browsers refuse SHA-1/) as unknown as string],
    ['MD5', { signatureAlgorithm: 'md5WithRSAEncryption' }, expect.stringMatching(/^fail signatures: .* md5WithRSAEncryption/) as unknown as string],
    ['unknown signature', { signatureAlgorithm: '1.2.3.4' }, 'warn signatures: CN=api.example.com is signed with 1.2.3.4, not one of the algorithms the baseline requirements (§7.1.3.2) list'],
    ['clientAuth only', { extendedKeyUsage: ['1.3.6.1.5.5.7.3.2'] }, 'fail usage: the certificate is for clientAuth, not serverAuth: browsers refuse it for a TLS server'],
    ['no EKU', { extendedKeyUsage: null }, 'warn usage: the certificate has no extended key usage: the baseline requirements (§7.1.2.7.10) require serverAuth (browsers accept its absence)'],
    ['anyEKU only', { extendedKeyUsage: ['2.5.29.37.0'] }, expect.stringMatching(/^warn usage: the certificate allows anyExtendedKeyUsage but not serverAuth/) as unknown as string],
    [
      'CN-only',
      { altNames: [], hasSubjectAltName: false },
      'fail host name: the certificate names api.example.com only in its subject CN (CN=api.example.com), with no subjectAltName: browsers ignore the CN (Chrome since version 58; RFC 6125 §6.4.4, baseline requirements §7.1.2.7.12)',
    ],
    ['SAN with an email only', { altNames: ['email:ops@example.com'] }, expect.stringMatching(/^fail host name: the certificate names api\.example\.com only in its subject CN/) as unknown as string],
  ])('leaf with %s', (_name, leaf, problem) => {
    expect(problems(withCert(0, leaf))).toEqual([problem]);
  });

  it('accepts the keys and signatures browsers accept', () => {
    for (const publicKey of [{ type: 'rsa', bits: 2048 }, { type: 'rsa', bits: 4096 }, { type: 'ec', bits: 384, curve: 'secp384r1' }]) {
      expect(problems(withCert(0, { publicKey }))).toEqual([]);
    }
    for (const signatureAlgorithm of ['sha256WithRSAEncryption', 'sha384WithRSAEncryption', 'rsassaPss', 'ecdsa-with-SHA384']) {
      expect(problems(withCert(0, { signatureAlgorithm }))).toEqual([]);
    }
  });

  it("does not judge a self-signed root's own signature, but does judge its key", () => {
    const root = intermediate({ subject: 'CN=Old Root', issuer: 'CN=Old Root', selfSigned: true, signatureAlgorithm: 'sha1WithRSAEncryption', extendedKeyUsage: null });
    const observation = { ...seen(), chain: [...seen().chain, root] };
    expect(problems(observation)).toEqual([]);
    expect(problems({ ...observation, chain: [...seen().chain, { ...root, publicKey: { type: 'rsa', bits: 1024 } }] })).toEqual([
      'fail keys: CN=Old Root has an RSA key of 1024 bits: browsers and the CA/Browser Forum baseline requirements (§6.1.5) require at least 2048',
    ]);
  });

  it('fails an intermediate restricted to other usages, and accepts an unrestricted one', () => {
    expect(problems(withCert(1, { extendedKeyUsage: ['1.3.6.1.5.5.7.3.2'] }))).toEqual([
      "fail usage: the CA certificate CN=R11, O=Let's Encrypt is restricted to clientAuth: browsers refuse the server certificates it issues",
    ]);
    expect(problems(withCert(1, { extendedKeyUsage: null }))).toEqual([]);
  });

  it('fails an expired intermediate once, naming it, where OpenSSL only says CERT_HAS_EXPIRED', () => {
    const observation = withCert(1, { validFrom: inDays(-400), validTo: inDays(-3) }, { trusted: false, trustError: 'CERT_HAS_EXPIRED' });
    expect(problems(observation)).toEqual([`fail validity: CN=R11, O=Let's Encrypt in the chain expired on ${inDays(-3)}: browsers refuse every certificate under it`]);
    expect(browserRefusal(observation, now)).toBe(`validity: CN=R11, O=Let's Encrypt in the chain expired on ${inDays(-3)}: browsers refuse every certificate under it`);
  });

  it('warns about an expired certificate the server still sends when the chain verified through another path', () => {
    expect(problems(withCert(1, { validTo: inDays(-3) }))).toEqual([
      `warn validity: the server also sends CN=R11, O=Let's Encrypt, expired on ${inDays(-3)}: clients that cannot build another path refuse the chain`,
    ]);
  });

  it('applies the expiry thresholds to an intermediate that expires before the leaf', () => {
    expect(problems(withCert(1, { validTo: inDays(10.5) }))).toEqual([`fail expiry: the intermediate CN=R11, O=Let's Encrypt expires in 10 days (${inDays(10.5)}), under 14`]);
  });

  it('names what browsers refuse first', () => {
    expect(browserRefusal(seen({ trusted: false, trustError: 'DEPTH_ZERO_SELF_SIGNED_CERT' }), now)).toBe('untrusted certificate (DEPTH_ZERO_SELF_SIGNED_CERT)');
    expect(browserRefusal(seen({ hostnameError: 'no match' }), now)).toBe('certificate does not cover api.example.com');
    expect(browserRefusal(seen({ daysLeft: -2 }), now)).toBe('expired certificate');
    expect(browserRefusal(seen({ daysLeft: 3.5 }), now)).toBeUndefined();
    expect(browserRefusal(withCert(0, { publicKey: { type: 'rsa', bits: 1024 } }), now)).toMatch(/^keys: CN=api\.example\.com has an RSA key of 1024 bits/);
  });
});
