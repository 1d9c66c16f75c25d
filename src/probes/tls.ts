import { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import { AsnConvert } from '@peculiar/asn1-schema';
import { Certificate } from '@peculiar/asn1-x509';
import tls, { type DetailedPeerCertificate, type SecureContext, type TLSSocket } from 'node:tls';
import { Memo } from '../core/memo.js';
import { runHttpLimits } from './http-limits.js';
import { defineProbe } from './registry.js';
import { tlsEndpoint } from './tls-endpoint.js';
import { ProbeError, type ProbeErrorCode } from '../core/errors.js';

export interface CertificateInfo {
  subject: string;
  issuer: string;
  /** DNS and IP names the certificate covers (from subjectAltName). */
  altNames: string[];
  validFrom: string;
  validTo: string;
  fingerprint256: string;
  selfSigned: boolean;
  /** basicConstraints CA:TRUE. */
  ca: boolean;
  /** The subject public key: `rsa` with its modulus length, `ec` with its curve (bits = the curve's size), or another type. */
  publicKey: { type: string; bits: number | null; curve?: string };
  /** The algorithm the issuer signed with, by name (sha256WithRSAEncryption, ecdsa-with-SHA256, …) or OID when unnamed. */
  signatureAlgorithm: string;
  /** Whether the subjectAltName extension is present at all (a CN-only certificate has none). */
  hasSubjectAltName: boolean;
  /** Extended key usage OIDs, or null when the extension is absent. */
  extendedKeyUsage: string[] | null;
}

export type LegacyProtocol = 'TLSv1' | 'TLSv1.1';

export interface TlsObservation {
  host: string;
  port: number;
  /** Negotiated with the client's defaults (TLS 1.2+). */
  protocol: string | null;
  cipher: string | null;
  /** True when the chain verifies against the trusted roots (Node's, plus the config's `tls.ca`). */
  trusted: boolean;
  /** OpenSSL's reason when not trusted: CERT_HAS_EXPIRED, DEPTH_ZERO_SELF_SIGNED_CERT, UNABLE_TO_VERIFY_LEAF_SIGNATURE, … */
  trustError: string | null;
  /** Why the certificate does not cover the host name, or null when it does. */
  hostnameError: string | null;
  /** The chain leaf first, as Node built it: the certificates the server sent, then the trusted root when it was found. */
  chain: CertificateInfo[];
  /** Old protocol versions the server still accepts; `unknown` when the attempt neither succeeded nor was refused. */
  legacy: Record<LegacyProtocol, 'offered' | 'refused' | 'unknown'>;
}

export interface TlsLimits {
  connectTimeoutMs: number;
  /** Whole handshake, per attempt. */
  totalTimeoutMs: number;
}

/**
 * Observes a TLS endpoint with node:tls: one handshake with modern defaults that records trust, host-name and
 * chain facts without rejecting (so a bad certificate is described, not just refused), then one handshake each
 * limited to TLS 1.0 and 1.1 to see whether the server still offers them. Memoised per host and port.
 */
export class TlsProbe {
  private readonly memo = new Memo();
  private readonly modern: SecureContext;
  private readonly legacyContexts: Record<LegacyProtocol, SecureContext>;

  constructor(
    private readonly options: { limits: TlsLimits; extraCa?: string; signal?: AbortSignal },
  ) {
    const ca = options.extraCa ? [...tls.rootCertificates, options.extraCa] : undefined;
    this.modern = tls.createSecureContext(ca ? { ca } : {});
    // OpenSSL 3 refuses TLS 1.0/1.1 at its default security level; level 0 lets us ask whether the server would.
    // Trust does not matter for that question, so these contexts skip the (costly to parse) CA list.
    const legacy = (version: LegacyProtocol) => tls.createSecureContext({ minVersion: version, maxVersion: version, ciphers: 'DEFAULT@SECLEVEL=0' });
    this.legacyContexts = { TLSv1: legacy('TLSv1'), 'TLSv1.1': legacy('TLSv1.1') };
  }

  inspect(host: string, port: number): Promise<TlsObservation> {
    return this.memo.get(`${host}:${port}`, () => this.observe(host, port));
  }

  /** The endpoint of an https:// URL (port 443 unless given). */
  inspectUrl(url: string): Promise<TlsObservation> {
    const { host, port } = tlsEndpoint(url);
    return this.inspect(host, port);
  }

  private async observe(host: string, port: number): Promise<TlsObservation> {
    const socket = await this.handshake(host, port, this.modern);
    try {
      const peer = socket.getPeerCertificate(true);
      if (!peer || Object.keys(peer).length === 0) throw new ProbeError('tls', `${host}:${port} presented no certificate`);
      const hostnameError = tls.checkServerIdentity(host, peer);
      const cipher = socket.getCipher();
      const observation: Omit<TlsObservation, 'legacy'> = {
        host,
        port,
        protocol: socket.getProtocol(),
        cipher: cipher?.standardName ?? cipher?.name ?? null,
        trusted: socket.authorized,
        trustError: socket.authorized ? null : String(socket.authorizationError ?? 'UNKNOWN'),
        hostnameError: hostnameError ? hostnameError.message : null,
        chain: chainOf(peer),
      };
      const [tls10, tls11] = await Promise.all([this.legacyAttempt(host, port, 'TLSv1'), this.legacyAttempt(host, port, 'TLSv1.1')]);
      return { ...observation, legacy: { TLSv1: tls10, 'TLSv1.1': tls11 } };
    } finally {
      socket.destroy();
    }
  }

  private async legacyAttempt(host: string, port: number, version: LegacyProtocol): Promise<'offered' | 'refused' | 'unknown'> {
    try {
      const socket = await this.handshake(host, port, this.legacyContexts[version]);
      const offered = socket.getProtocol() === version;
      socket.destroy();
      return offered ? 'offered' : 'refused';
    } catch (error) {
      // A protocol alert or a closed connection is the server saying no; a timeout tells us nothing.
      return error instanceof ProbeError && (error.code === 'tls' || error.code === 'reset') ? 'refused' : 'unknown';
    }
  }

  private handshake(host: string, port: number, secureContext: SecureContext): Promise<TLSSocket> {
    const { limits, signal } = this.options;
    return new Promise<TLSSocket>((resolve, reject) => {
      if (signal?.aborted) return reject(new ProbeError('aborted', `TLS handshake with ${host}:${port} was aborted`));
      let connected = false;
      let settled = false;
      const socket = tls.connect({
        host,
        port,
        secureContext,
        // SNI must be a host name; an IP address is not allowed there.
        ...(isIP(host) === 0 ? { servername: host } : {}),
        rejectUnauthorized: false,
        // The host name is judged separately (tls.checkServerIdentity above), so `authorized` speaks of the chain alone.
        checkServerIdentity: () => undefined,
      });
      const settle = (error?: ProbeError) => {
        if (settled) return;
        settled = true;
        clearTimeout(connectTimer);
        clearTimeout(totalTimer);
        signal?.removeEventListener('abort', onAbort);
        if (!error) return resolve(socket);
        socket.destroy();
        reject(error);
      };
      const connectTimer = setTimeout(
        () => !connected && settle(new ProbeError('timeout', `could not connect to ${host}:${port} within ${limits.connectTimeoutMs} ms`)),
        limits.connectTimeoutMs,
      );
      const totalTimer = setTimeout(
        () => settle(new ProbeError('timeout', `no TLS handshake from ${host}:${port} within ${limits.totalTimeoutMs} ms`)),
        limits.totalTimeoutMs,
      );
      const onAbort = () => settle(new ProbeError('aborted', `TLS handshake with ${host}:${port} was aborted`));
      signal?.addEventListener('abort', onAbort, { once: true });
      socket.once('connect', () => (connected = true));
      socket.once('secureConnect', () => settle());
      // Kept for the socket's whole life: a late error after the handshake must not crash the run.
      socket.on('error', (error) => settle(toProbeError(error, host, port)));
      socket.once('close', () => settle(new ProbeError('reset', `${host}:${port} closed the connection during the TLS handshake`)));
    });
  }
}

function chainOf(leaf: DetailedPeerCertificate): CertificateInfo[] {
  const chain: CertificateInfo[] = [];
  const seen = new Set<string>();
  let current: DetailedPeerCertificate | undefined = leaf;
  while (current && Object.keys(current).length > 0 && !seen.has(current.fingerprint256) && chain.length < 10) {
    seen.add(current.fingerprint256);
    chain.push({
      subject: distinguishedName(current.subject),
      issuer: distinguishedName(current.issuer),
      altNames: altNames(current.subjectaltname),
      validFrom: new Date(current.valid_from).toISOString(),
      validTo: new Date(current.valid_to).toISOString(),
      fingerprint256: current.fingerprint256,
      selfSigned: distinguishedName(current.subject) === distinguishedName(current.issuer),
      ...certificateDetails(current.raw),
    });
    current = current.issuerCertificate;
  }
  return chain;
}

/** OIDs of the signature algorithms certificates use, by the names OpenSSL prints. */
const SIGNATURE_ALGORITHMS: Record<string, string> = {
  '1.2.840.113549.1.1.2': 'md2WithRSAEncryption',
  '1.2.840.113549.1.1.4': 'md5WithRSAEncryption',
  '1.2.840.113549.1.1.5': 'sha1WithRSAEncryption',
  '1.2.840.113549.1.1.10': 'rsassaPss',
  '1.2.840.113549.1.1.11': 'sha256WithRSAEncryption',
  '1.2.840.113549.1.1.12': 'sha384WithRSAEncryption',
  '1.2.840.113549.1.1.13': 'sha512WithRSAEncryption',
  '1.2.840.113549.1.1.14': 'sha224WithRSAEncryption',
  '1.2.840.10045.4.1': 'ecdsa-with-SHA1',
  '1.2.840.10045.4.3.1': 'ecdsa-with-SHA224',
  '1.2.840.10045.4.3.2': 'ecdsa-with-SHA256',
  '1.2.840.10045.4.3.3': 'ecdsa-with-SHA384',
  '1.2.840.10045.4.3.4': 'ecdsa-with-SHA512',
  '1.2.840.10040.4.3': 'dsa-with-SHA1',
  '2.16.840.1.101.3.4.3.2': 'dsa-with-SHA256',
  '1.3.101.112': 'ED25519',
  '1.3.101.113': 'ED448',
};

const CURVE_BITS: Record<string, number> = { prime256v1: 256, 'P-256': 256, secp384r1: 384, 'P-384': 384, secp521r1: 521, 'P-521': 521, secp256k1: 256 };

/** Key, signature algorithm and extensions of one certificate, read from its DER (node:crypto and an ASN.1 reader). */
function certificateDetails(raw: Buffer): Pick<CertificateInfo, 'ca' | 'publicKey' | 'signatureAlgorithm' | 'hasSubjectAltName' | 'extendedKeyUsage'> {
  const x509 = new X509Certificate(raw);
  const key = x509.publicKey;
  const details = key.asymmetricKeyDetails ?? {};
  const type = key.asymmetricKeyType ?? 'unknown';
  const publicKey =
    type === 'ec'
      ? { type, bits: CURVE_BITS[details.namedCurve ?? ''] ?? null, ...(details.namedCurve ? { curve: details.namedCurve } : {}) }
      : { type, bits: details.modulusLength ?? null };
  const oid = AsnConvert.parse(raw, Certificate).signatureAlgorithm.algorithm;
  return {
    ca: x509.ca,
    publicKey,
    signatureAlgorithm: SIGNATURE_ALGORITHMS[oid] ?? oid,
    hasSubjectAltName: x509.subjectAltName !== undefined,
    // node:crypto names the extended key usage `keyUsage`; undefined when the extension is absent.
    extendedKeyUsage: x509.keyUsage ? [...x509.keyUsage] : null,
  };
}

function distinguishedName(name: Record<string, string | string[] | undefined> | undefined): string {
  if (!name) return '';
  return Object.entries(name)
    .filter((entry): entry is [string, string | string[]] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join('+') : value}`)
    .join(', ');
}

function altNames(value: string | undefined): string[] {
  if (!value) return [];
  return value.split(/,\s*/).map((entry) => entry.replace(/^(DNS|IP Address):/, '').trim()).filter(Boolean);
}

function toProbeError(error: Error & { code?: string }, host: string, port: number): ProbeError {
  const code = error.code ?? '';
  const where = `${host}:${port}`;
  const map: [RegExp, ProbeErrorCode, string][] = [
    [/^ECONNREFUSED$/, 'refused', `connection refused by ${where}`],
    [/^(ENOTFOUND|EAI_AGAIN|EAI_NONAME|EAI_NODATA)$/, 'dns', `${host} does not resolve (${code})`],
    [/^(ECONNRESET|EPIPE)$/, 'reset', `connection to ${where} was reset during the TLS handshake`],
    [/^(ETIMEDOUT)$/, 'timeout', `could not connect to ${where} (timed out)`],
  ];
  for (const [pattern, probeCode, message] of map) {
    if (pattern.test(code)) return new ProbeError(probeCode, message, code);
  }
  return new ProbeError('tls', `TLS handshake with ${where} failed (${code || error.message})`, code || undefined);
}

/** TLS handshakes share the HTTP connect and total timeouts, and trust the same extra CA. */
export const tlsProbe = defineProbe<TlsProbe>({
  name: 'tls',
  describes: 'node:tls handshakes (modern, then TLS 1.0 and 1.1 alone) describing trust, host name and chain without sending any request; bounded by the HTTP timeouts.',
  create: (run) => {
    const limits = runHttpLimits(run.httpLimits);
    return new TlsProbe({
      limits: { connectTimeoutMs: limits.connectTimeoutMs, totalTimeoutMs: limits.totalTimeoutMs },
      signal: run.signal,
      ...(run.extraCa ? { extraCa: run.extraCa } : {}),
    });
  },
});
