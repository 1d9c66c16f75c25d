import type { TlsObservation } from '../probes/tls.js';
import { judged, type Judgement } from '../core/outcome.js';

export interface ExpiryThresholds {
  /** Fewer days left than this fails (renewal is overdue). */
  failDays: number;
  /** Fewer days left than this warns. */
  warnDays: number;
}

export const DEFAULT_EXPIRY: ExpiryThresholds = { failDays: 14, warnDays: 30 };
const DAY_MS = 86_400_000;

/** What OpenSSL's verification codes mean for the person fixing it. */
const TRUST_REASONS: Record<string, string> = {
  CERT_HAS_EXPIRED: 'a certificate in the chain has expired',
  CERT_NOT_YET_VALID: 'a certificate in the chain is not valid yet (clock or issuance error)',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'the certificate is self-signed: no browser trusts it',
  SELF_SIGNED_CERT_IN_CHAIN: 'the chain ends in a self-signed root that is not trusted',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'the chain is incomplete: the server does not send the intermediate certificate(s)',
  UNABLE_TO_GET_ISSUER_CERT: 'the chain is incomplete: an issuer certificate is missing',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'the issuer is not a trusted CA (or the chain is incomplete)',
  CERT_REVOKED: 'the certificate is revoked',
  CERT_SIGNATURE_FAILURE: 'a signature in the chain does not verify',
};

const TRUST_FIX =
  'Serve a certificate from a public CA with its full chain (leaf + intermediates): Railway and other platforms issue these automatically once DNS points at them; for a private PKI, give readiness the CA with tls.ca.';

export function daysLeft(validTo: string, now: Date): number {
  return Math.floor((Date.parse(validTo) - now.getTime()) / DAY_MS);
}

/** Trust, host name, expiry and protocol findings for one TLS endpoint. */
export function judgeCertificate(seen: TlsObservation, now: Date, thresholds: ExpiryThresholds = DEFAULT_EXPIRY): Judgement[] {
  const findings: Judgement[] = [];
  const leaf = seen.chain[0];
  // Expiry has its own, more precise finding below.
  if (!seen.trusted && seen.trustError !== 'CERT_HAS_EXPIRED') {
    const reason = TRUST_REASONS[seen.trustError ?? ''] ?? `verification failed (${seen.trustError})`;
    findings.push(judged('chain', 'fail', `not trusted: ${reason}`, TRUST_FIX));
  } else if (seen.trusted) {
    findings.push(judged('chain', 'pass', `trusted, issued by ${leaf?.issuer ?? 'unknown'}`));
  }
  if (seen.hostnameError) {
    findings.push(
      judged('host name', 'fail', `the certificate does not cover ${seen.host} (it covers ${leaf?.altNames.join(', ') || leaf?.subject || 'nothing'})`, 'Issue the certificate for every host name the service is reached by (SAN entries), or fix the DNS record that points here.'),
    );
  } else {
    findings.push(judged('host name', 'pass', `covers ${seen.host}`));
  }
  if (leaf) {
    const left = daysLeft(leaf.validTo, now);
    const renew = 'Renew the certificate now and automate renewal (ACME / the platform\'s managed certificates); add certificate-expiry monitoring.';
    if (Date.parse(leaf.validFrom) > now.getTime()) findings.push(judged('expiry', 'fail', `not valid before ${leaf.validFrom}`, renew));
    else if (left < 0) findings.push(judged('expiry', 'fail', `expired on ${leaf.validTo}`, renew));
    else if (left < thresholds.failDays) findings.push(judged('expiry', 'fail', `expires in ${left} days (${leaf.validTo}), under ${thresholds.failDays}`, renew));
    else if (left < thresholds.warnDays) findings.push(judged('expiry', 'warn', `expires in ${left} days (${leaf.validTo}), under ${thresholds.warnDays}`, renew));
    else findings.push(judged('expiry', 'pass', `valid for ${left} more days`));
  }
  const legacy = (['TLSv1', 'TLSv1.1'] as const).filter((v) => seen.legacy[v] === 'offered');
  if (legacy.length > 0) {
    findings.push(judged('protocols', 'warn', `still offers ${legacy.join(' and ')} (deprecated by RFC 8996)`, 'Set the minimum TLS version to 1.2 at the load balancer or CDN.'));
  } else {
    const unknown = (['TLSv1', 'TLSv1.1'] as const).filter((v) => seen.legacy[v] === 'unknown');
    findings.push(judged('protocols', 'pass', `${seen.protocol ?? 'TLS'} negotiated${unknown.length > 0 ? `; ${unknown.join(' and ')} not determined` : '; TLS 1.0 and 1.1 refused'}`));
  }
  return findings;
}

/** The evidence worth keeping about an endpoint: no key material, just names, dates and fingerprints. */
export function certificateEvidence(seen: TlsObservation, now: Date): Record<string, unknown> {
  const leaf = seen.chain[0];
  return {
    endpoint: `${seen.host}:${seen.port}`,
    protocol: seen.protocol,
    cipher: seen.cipher,
    trusted: seen.trusted,
    ...(seen.trustError ? { trustError: seen.trustError } : {}),
    ...(leaf
      ? { subject: leaf.subject, issuer: leaf.issuer, altNames: leaf.altNames, validTo: leaf.validTo, daysLeft: daysLeft(leaf.validTo, now), fingerprint256: leaf.fingerprint256 }
      : {}),
    chain: seen.chain.map((c) => c.subject),
    legacyProtocols: seen.legacy,
  };
}
