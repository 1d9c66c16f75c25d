import type { CertificateInfo, TlsObservation } from '../probes/tls.js';
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
  INVALID_PURPOSE: 'a certificate in the chain is not for TLS servers (its extended key usage lacks serverAuth)',
  CA_MD_TOO_WEAK: 'a certificate is signed with a hash browsers refuse (MD5 or SHA-1)',
  EE_KEY_TOO_SMALL: "the server certificate's key is too small",
  CA_KEY_TOO_SMALL: "a CA certificate's key is too small",
};

/** Verification codes a more precise finding below explains, by the subject of that finding. */
const EXPLAINED_BY: Record<string, readonly string[]> = {
  CERT_HAS_EXPIRED: ['expiry', 'validity'],
  CERT_NOT_YET_VALID: ['expiry', 'validity'],
  INVALID_PURPOSE: ['usage'],
  CA_MD_TOO_WEAK: ['signatures'],
  EE_KEY_TOO_SMALL: ['keys'],
  CA_KEY_TOO_SMALL: ['keys'],
};

const TRUST_FIX =
  'Serve a certificate from a public CA with its full chain (leaf + intermediates): Railway and other platforms issue these automatically once DNS points at them; for a private PKI, give readiness the CA with tls.ca.';
const REISSUE_FIX =
  "Reissue the certificate from a public CA (ACME / the platform's managed certificates issue an ECDSA P-256 or RSA 2048 key, SHA-256 signature, SAN and serverAuth by default) and serve its current chain.";

export function daysLeft(validTo: string, now: Date): number {
  return Math.floor((Date.parse(validTo) - now.getTime()) / DAY_MS);
}

/** Curves browsers accept for certificate keys (Chrome Root Program Policy, Mozilla Root Store Policy §5.1). */
const CURVES: Record<string, string> = { prime256v1: 'P-256', 'P-256': 'P-256', secp384r1: 'P-384', 'P-384': 'P-384' };

/**
 * Why browsers refuse a certificate's key, or undefined: RSA of at least 2048 bits with a modulus a multiple of 8
 * (CA/Browser Forum baseline requirements §6.1.5), or ECDSA on P-256 or P-384; no other key type.
 */
export function keyProblem(cert: CertificateInfo): string | undefined {
  const { type, bits, curve } = cert.publicKey;
  if (type === 'rsa') {
    if (bits === null) return undefined;
    if (bits < 2048) return `${cert.subject} has an RSA key of ${bits} bits: browsers and the CA/Browser Forum baseline requirements (§6.1.5) require at least 2048`;
    if (bits % 8 !== 0) return `${cert.subject} has an RSA modulus of ${bits} bits, not a multiple of 8 (baseline requirements §6.1.5)`;
    return undefined;
  }
  if (type === 'ec') {
    if (curve && CURVES[curve]) return undefined;
    return `${cert.subject} has an ECDSA key on ${curve ?? 'an unnamed curve'}: browsers accept only P-256 and P-384`;
  }
  return `${cert.subject} has a${/^[aeiou]/i.test(type) ? 'n' : ''} ${type} key: browsers accept only RSA (2048 bits or more) and ECDSA (P-256, P-384) certificate keys`;
}

/** Signature algorithms the baseline requirements (§7.1.3.2) allow and browsers verify. */
const ACCEPTED_SIGNATURES = new Set([
  'sha256WithRSAEncryption',
  'sha384WithRSAEncryption',
  'sha512WithRSAEncryption',
  'rsassaPss',
  'ecdsa-with-SHA256',
  'ecdsa-with-SHA384',
  'ecdsa-with-SHA512',
]);
const REFUSED_SIGNATURES = /^(md2|md5|sha1|sha224)WithRSAEncryption$|^ecdsa-with-(SHA1|SHA224)$|^dsa-with|^ED(25519|448)$/;

/** A signature browsers refuse (fail) or do not know (warn); a self-signed root's own signature is never checked by browsers. */
export function signatureProblem(cert: CertificateInfo): { status: 'fail' | 'warn'; message: string } | undefined {
  if (cert.selfSigned && cert.ca) return undefined;
  const algorithm = cert.signatureAlgorithm;
  if (ACCEPTED_SIGNATURES.has(algorithm)) return undefined;
  if (REFUSED_SIGNATURES.test(algorithm)) {
    return {
      status: 'fail',
      message: `${cert.subject} is signed with ${algorithm}: browsers refuse SHA-1 and MD5 signatures (Chrome since version 57) and the baseline requirements (§7.1.3.2) allow only SHA-256/384/512 with RSA or ECDSA`,
    };
  }
  return { status: 'warn', message: `${cert.subject} is signed with ${algorithm}, not one of the algorithms the baseline requirements (§7.1.3.2) list` };
}

const EKU_NAMES: Record<string, string> = {
  '1.3.6.1.5.5.7.3.1': 'serverAuth',
  '1.3.6.1.5.5.7.3.2': 'clientAuth',
  '1.3.6.1.5.5.7.3.3': 'codeSigning',
  '1.3.6.1.5.5.7.3.4': 'emailProtection',
  '1.3.6.1.5.5.7.3.8': 'timeStamping',
  '1.3.6.1.5.5.7.3.9': 'OCSPSigning',
  '2.5.29.37.0': 'anyExtendedKeyUsage',
};
const SERVER_AUTH = '1.3.6.1.5.5.7.3.1';
const ANY_EKU = '2.5.29.37.0';
const ekuNames = (oids: readonly string[]) => oids.map((oid) => EKU_NAMES[oid] ?? oid).join(', ');

/**
 * Extended key usage along the chain, as browsers verify it: the server certificate must allow serverAuth, and a CA
 * certificate that restricts its usages must include serverAuth for the certificates it issues to be accepted.
 * A server certificate without the extension is accepted by browsers but breaks baseline requirements §7.1.2.7.10.
 */
export function usageFindings(chain: readonly CertificateInfo[]): Judgement[] {
  const [leaf, ...issuers] = chain;
  if (!leaf) return [];
  const findings: Judgement[] = [];
  const eku = leaf.extendedKeyUsage;
  if (eku === null) {
    findings.push(judged('usage', 'warn', 'the certificate has no extended key usage: the baseline requirements (§7.1.2.7.10) require serverAuth (browsers accept its absence)', REISSUE_FIX));
  } else if (!eku.includes(SERVER_AUTH)) {
    findings.push(
      eku.includes(ANY_EKU)
        ? judged('usage', 'warn', 'the certificate allows anyExtendedKeyUsage but not serverAuth by name: the baseline requirements (§7.1.2.7.10) require serverAuth and forbid anyExtendedKeyUsage', REISSUE_FIX)
        : judged('usage', 'fail', `the certificate is for ${ekuNames(eku)}, not serverAuth: browsers refuse it for a TLS server`, REISSUE_FIX),
    );
  }
  for (const issuer of issuers) {
    const restricted = issuer.extendedKeyUsage;
    if (!issuer.ca || restricted === null || restricted.includes(SERVER_AUTH) || restricted.includes(ANY_EKU)) continue;
    findings.push(judged('usage', 'fail', `the CA certificate ${issuer.subject} is restricted to ${ekuNames(restricted)}: browsers refuse the server certificates it issues`, TRUST_FIX));
  }
  if (findings.length === 0) findings.push(judged('usage', 'pass', 'serverAuth'));
  return findings;
}

const hostNames = (cert: CertificateInfo) => cert.altNames.filter((name) => !/^(email|URI|DirName|othername|Registered ID):/i.test(name));

/** Trust, host name, keys, signatures, usage, expiry and protocol findings for one TLS endpoint, as a browser would judge it. */
export function judgeCertificate(seen: TlsObservation, now: Date, thresholds: ExpiryThresholds = DEFAULT_EXPIRY): Judgement[] {
  const leaf = seen.chain[0];
  const specific: Judgement[] = [
    ...hostNameFindings(seen),
    ...keyFindings(seen.chain),
    ...signatureFindings(seen.chain),
    ...usageFindings(seen.chain),
    ...validityFindings(seen, now),
    ...(leaf ? [expiryFinding(seen.chain, now, thresholds)] : []),
  ];
  const explained = (EXPLAINED_BY[seen.trustError ?? ''] ?? []).some((subject) => specific.some((j) => j.subject === subject && j.status === 'fail'));
  const findings: Judgement[] = [];
  if (seen.trusted) {
    findings.push(judged('chain', 'pass', `trusted, issued by ${leaf?.issuer ?? 'unknown'}`));
  } else if (!explained) {
    const reason = TRUST_REASONS[seen.trustError ?? ''] ?? `verification failed (${seen.trustError})`;
    findings.push(judged('chain', 'fail', `not trusted: ${reason}`, TRUST_FIX));
  }
  findings.push(...specific, protocolFinding(seen));
  return findings;
}

/**
 * Why a browser would refuse the connection, or undefined when it would accept it: an untrusted chain, a host name
 * the SAN does not cover, a refused key, signature or usage, or a certificate outside its validity. Expiry
 * thresholds and protocol versions are not refusals.
 */
export function browserRefusal(seen: TlsObservation, now: Date): string | undefined {
  const refused = judgeCertificate(seen, now, { failDays: 0, warnDays: 0 }).filter((j) => j.status === 'fail' && j.subject !== 'protocols');
  const [first] = refused;
  if (!first) return undefined;
  if (first.subject === 'chain') return `untrusted certificate (${seen.trustError})`;
  if (first.subject === 'host name' && seen.hostnameError) return `certificate does not cover ${seen.host}`;
  if (first.subject === 'expiry') return 'expired certificate';
  return `${first.subject}: ${first.message}`;
}

function hostNameFindings(seen: TlsObservation): Judgement[] {
  const leaf = seen.chain[0];
  const fix = 'Issue the certificate for every host name the service is reached by (SAN entries), or fix the DNS record that points here.';
  if (seen.hostnameError) {
    return [judged('host name', 'fail', `the certificate does not cover ${seen.host} (it covers ${leaf?.altNames.join(', ') || leaf?.subject || 'nothing'})`, fix)];
  }
  if (leaf && hostNames(leaf).length === 0) {
    return [
      judged(
        'host name',
        'fail',
        `the certificate names ${seen.host} only in its subject CN (${leaf.subject}), with no subjectAltName: browsers ignore the CN (Chrome since version 58; RFC 6125 §6.4.4, baseline requirements §7.1.2.7.12)`,
        fix,
      ),
    ];
  }
  return [judged('host name', 'pass', `covers ${seen.host}`)];
}

function keyFindings(chain: readonly CertificateInfo[]): Judgement[] {
  const problems = chain.map(keyProblem).filter((p): p is string => p !== undefined);
  if (problems.length === 0) return [judged('keys', 'pass', chain.map(describeKey).join(', '))];
  return problems.map((p) => judged('keys', 'fail', p, REISSUE_FIX));
}

function describeKey(cert: CertificateInfo): string {
  const { type, bits, curve } = cert.publicKey;
  if (type === 'ec') return `ECDSA ${CURVES[curve ?? ''] ?? curve ?? '?'}`;
  return `${type.toUpperCase()} ${bits ?? '?'}`;
}

function signatureFindings(chain: readonly CertificateInfo[]): Judgement[] {
  const problems = chain.map(signatureProblem).filter((p) => p !== undefined);
  if (problems.length === 0) return [judged('signatures', 'pass', [...new Set(chain.filter((c) => !(c.selfSigned && c.ca)).map((c) => c.signatureAlgorithm))].join(', '))];
  return problems.map((p) => judged('signatures', p.status, p.message, REISSUE_FIX));
}

/**
 * The validity of every certificate after the leaf (the leaf's own is the expiry finding). When the chain still
 * verified, the client built another path around the bad certificate (a cross-signed root that expired, say):
 * older clients cannot, so it warns; otherwise browsers refuse the chain.
 */
function validityFindings(seen: TlsObservation, now: Date): Judgement[] {
  const findings: Judgement[] = [];
  for (const cert of seen.chain.slice(1)) {
    const problem =
      Date.parse(cert.validTo) < now.getTime() ? `expired on ${cert.validTo}` : Date.parse(cert.validFrom) > now.getTime() ? `not valid before ${cert.validFrom}` : undefined;
    if (!problem) continue;
    findings.push(
      seen.trusted
        ? judged('validity', 'warn', `the server also sends ${cert.subject}, ${problem}: clients that cannot build another path refuse the chain`, 'Stop sending the outdated certificate: serve the chain your CA currently publishes.')
        : judged('validity', 'fail', `${cert.subject} in the chain ${problem}: browsers refuse every certificate under it`, 'Serve the chain your CA currently publishes (its current intermediate), and renew the certificate if the CA replaced it.'),
    );
  }
  return findings;
}

/** Days left of the certificate that expires first: the leaf, or an intermediate that dies before it (roots are the clients' to renew). */
function expiryFinding(chain: readonly CertificateInfo[], now: Date, thresholds: ExpiryThresholds): Judgement {
  const leaf = chain[0]!;
  const renew = "Renew the certificate now and automate renewal (ACME / the platform's managed certificates); add certificate-expiry monitoring.";
  if (Date.parse(leaf.validFrom) > now.getTime()) return judged('expiry', 'fail', `not valid before ${leaf.validFrom}`, renew);
  if (daysLeft(leaf.validTo, now) < 0) return judged('expiry', 'fail', `expired on ${leaf.validTo}`, renew);
  const intermediates = chain.slice(1).filter((c) => !c.selfSigned && Date.parse(c.validTo) >= now.getTime() && Date.parse(c.validFrom) <= now.getTime());
  const first = [leaf, ...intermediates].reduce((a, b) => (Date.parse(b.validTo) < Date.parse(a.validTo) ? b : a));
  const left = daysLeft(first.validTo, now);
  const what = first === leaf ? 'expires' : `the intermediate ${first.subject} expires`;
  if (left < thresholds.failDays) return judged('expiry', 'fail', `${what} in ${left} days (${first.validTo}), under ${thresholds.failDays}`, renew);
  if (left < thresholds.warnDays) return judged('expiry', 'warn', `${what} in ${left} days (${first.validTo}), under ${thresholds.warnDays}`, renew);
  return judged('expiry', 'pass', `valid for ${left} more days`);
}

function protocolFinding(seen: TlsObservation): Judgement {
  const legacy = (['TLSv1', 'TLSv1.1'] as const).filter((v) => seen.legacy[v] === 'offered');
  if (legacy.length > 0) {
    return judged('protocols', 'warn', `still offers ${legacy.join(' and ')} (deprecated by RFC 8996)`, 'Set the minimum TLS version to 1.2 at the load balancer or CDN.');
  }
  const unknown = (['TLSv1', 'TLSv1.1'] as const).filter((v) => seen.legacy[v] === 'unknown');
  return judged('protocols', 'pass', `${seen.protocol ?? 'TLS'} negotiated${unknown.length > 0 ? `; ${unknown.join(' and ')} not determined` : '; TLS 1.0 and 1.1 refused'}`);
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
      ? {
          subject: leaf.subject,
          issuer: leaf.issuer,
          altNames: leaf.altNames,
          validTo: leaf.validTo,
          daysLeft: daysLeft(leaf.validTo, now),
          fingerprint256: leaf.fingerprint256,
          key: describeKey(leaf),
          signatureAlgorithm: leaf.signatureAlgorithm,
        }
      : {}),
    chain: seen.chain.map((c) => c.subject),
    legacyProtocols: seen.legacy,
  };
}
