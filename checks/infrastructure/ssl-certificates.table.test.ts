import { judgementTable } from '../../test/helpers/judgement-table.js';
import sslCertificates from './ssl-certificates.js';

// Replayed as of each recording's instant, so "N days left" reads the same whenever the table runs.
const PASS = 'every service presents a valid, trusted certificate';
const NINETY_DAYS = /^api: expiry: expires in 89 days \(\d{4}-\d\d-\d\dT[\d:.]+Z\), under /;

judgementTable(sslCertificates, [
  {
    scenario: 'trusted chain with 90 days left',
    status: 'pass',
    message: PASS,
    evidence: { api: { verdict: 'pass', daysLeft: 89, chain: ['CN=127.0.0.1', 'CN=readiness test intermediate CA', 'CN=readiness test root CA'] } },
  },
  { name: '89 days left warns under a 120-day warning threshold', scenario: 'trusted chain with 90 days left', options: { warnWithinDays: 120 }, status: 'warn', message: new RegExp(`${NINETY_DAYS.source}120$`) },
  {
    name: '89 days left fails under a 100-day failure threshold',
    scenario: 'trusted chain with 90 days left',
    options: { failWithinDays: 100, warnWithinDays: 120 },
    status: 'fail',
    message: new RegExp(`${NINETY_DAYS.source}100$`),
  },
  { scenario: 'certificate expired', status: 'fail', message: /^api: expiry: expired on \d{4}-\d\d-\d\dT[\d:.]+Z$/ },
  { name: 'an expired certificate fails whatever the thresholds', scenario: 'certificate expired', options: { failWithinDays: 0, warnWithinDays: 0 }, status: 'fail', message: /^api: expiry: expired on / },
  { scenario: 'certificate expiring in 10 days', status: 'fail', message: /^api: expiry: expires in 10 days \([^)]+\), under 14$/ },
  { name: '10 days left only warns with a 7-day failure threshold', scenario: 'certificate expiring in 10 days', options: { failWithinDays: 7 }, status: 'warn', message: /^api: expiry: expires in 10 days \([^)]+\), under 30$/ },
  { name: '10 days left passes with no expiry thresholds', scenario: 'certificate expiring in 10 days', options: { failWithinDays: 0, warnWithinDays: 0 }, status: 'pass', message: PASS },
  { scenario: 'certificate expiring in 20 days', status: 'warn', message: /^api: expiry: expires in 20 days \([^)]+\), under 30$/ },
  { scenario: 'expires in 40 days, warn within 60', status: 'warn', message: /^api: expiry: expires in 40 days \([^)]+\), under 60$/ },
  { name: '40 days left passes the default thresholds', scenario: 'expires in 40 days, warn within 60', options: {}, status: 'pass', message: PASS },
  { scenario: 'certificate self-signed', status: 'fail', message: 'api: chain: not trusted: the certificate is self-signed: no browser trusts it' },
  { scenario: 'certificate for another host', status: 'fail', message: 'api: host name: the certificate does not cover 127.0.0.1 (it covers shop.example.com)' },
  {
    scenario: 'certificate served without its intermediate',
    status: 'fail',
    message: 'api: chain: not trusted: the chain is incomplete: the server does not send the intermediate certificate(s)',
  },
  { scenario: 'TLS 1.0 and 1.1 offered', status: 'warn', message: 'api: protocols: still offers TLSv1 and TLSv1.1 (deprecated by RFC 8996)' },
  { scenario: 'plain http service url', status: 'fail', message: 'api: served over plain http:// (http://127.0.0.1:1): no certificate to verify' },
  { scenario: 'closed TLS port', status: 'fail', message: /^api: connection refused by 127\.0\.0\.1:\d+$/ },
  { scenario: 'handshake hangs', status: 'error', message: /^api: no TLS handshake from 127\.0\.0\.1:\d+ within 300 ms$/ },
  // Node's verifier accepted each of these; browsers refuse them (CA/Browser Forum baseline requirements, Chromium's verifier).
  {
    scenario: 'browser: an RSA-1024 leaf',
    status: 'fail',
    message: 'api: keys: CN=127.0.0.1 has an RSA key of 1024 bits: browsers and the CA/Browser Forum baseline requirements (§6.1.5) require at least 2048',
    evidence: { api: { trusted: true, key: 'RSA 1024' } },
  },
  { name: 'a weak key fails whatever the expiry thresholds', scenario: 'browser: an RSA-1024 leaf', options: { failWithinDays: 0, warnWithinDays: 0 }, status: 'fail', message: /^api: keys: .* 1024 bits/ },
  {
    scenario: 'browser: a CN-only certificate',
    status: 'fail',
    message:
      'api: host name: the certificate names localhost only in its subject CN (CN=localhost), with no subjectAltName: browsers ignore the CN (Chrome since version 58; RFC 6125 §6.4.4, baseline requirements §7.1.2.7.12)',
  },
  {
    scenario: 'browser: an intermediate that expired',
    status: 'fail',
    message: /^api: validity: CN=readiness test old intermediate in the chain expired on \d{4}-\d\d-\d\dT[\d:.]+Z: browsers refuse every certificate under it$/,
  },
  {
    scenario: 'browser: an intermediate restricted to client authentication',
    status: 'fail',
    message: 'api: usage: the CA certificate CN=readiness test client CA is restricted to clientAuth: browsers refuse the server certificates it issues',
  },
  { scenario: 'browser: a leaf for client authentication only', status: 'fail', message: 'api: usage: the certificate is for clientAuth, not serverAuth: browsers refuse it for a TLS server' },
  {
    scenario: 'browser: a leaf without extended key usage',
    status: 'warn',
    message: 'api: usage: the certificate has no extended key usage: the baseline requirements (§7.1.2.7.10) require serverAuth (browsers accept its absence)',
  },
  {
    name: 'a missing extended key usage still warns beside a close expiry, which fails first',
    scenario: 'browser: a leaf without extended key usage',
    options: { failWithinDays: 100, warnWithinDays: 120 },
    status: 'fail',
    message: /^api: expiry: expires in 89 days \([^)]+\), under 100$/,
  },
  { scenario: 'browser: a SHA-1 signature', status: 'fail', message: /^api: chain: not trusted: verification failed \(\w+\); signatures: CN=127\.0\.0\.1 is signed with ecdsa-with-SHA1: browsers refuse SHA-1 and MD5 signatures/ },
  { scenario: 'handshake reset', status: 'error', message: /^api: TLS handshake with 127\.0\.0\.1:\d+ failed \(ERR_SSL_WRONG_VERSION_NUMBER\)$/ },
]);
