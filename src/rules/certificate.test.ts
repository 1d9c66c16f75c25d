import { describe, expect, it } from 'vitest';
import type { TlsObservation } from '../probes/tls.js';
import { judgeCertificate } from './certificate.js';

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
      },
    ],
    legacy: { TLSv1: 'refused', 'TLSv1.1': 'refused' },
    ...rest,
  };
}

const statusOf = (subject: string, observation: TlsObservation) => judgeCertificate(observation, now).find((j) => j.subject === subject);

describe('judgeCertificate', () => {
  it('passes a trusted certificate for the host with time to spare and no legacy protocols', () => {
    expect(judgeCertificate(seen(), now).map((j) => j.status)).toEqual(['pass', 'pass', 'pass', 'pass']);
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
