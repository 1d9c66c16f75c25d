import { expect } from 'vitest';
import { judgementTable } from '../../test/helpers/judgement-table.js';
import httpsEnabled from './https-enabled.js';

const PASS = 'every service is served over HTTPS with HSTS and a permanent redirect from http://';
const HSTS_MISSING = 'api: Strict-Transport-Security: missing: browsers may be downgraded to plain HTTP';

judgementTable(httpsEnabled, [
  {
    scenario: 'HSTS and a 301 from http',
    status: 'pass',
    message: PASS,
    evidence: {
      api: {
        judgements: [
          'pass certificate: TLSv1.3 with a trusted certificate',
          'pass Strict-Transport-Security: max-age=31536000 with includesubdomains',
          expect.stringMatching(/^pass http:\/\/ → https:\/\/: 301 to https:\/\/127\.0\.0\.1:\d+\/$/),
        ],
      },
    },
  },
  {
    name: 'a one-year HSTS fails a two-year floor',
    scenario: 'HSTS and a 301 from http',
    options: { hstsMinMaxAge: 63_072_000 },
    status: 'fail',
    message: 'api: Strict-Transport-Security: max-age=31536000 is below 63072000 s (730 days)',
  },
  { name: 'a one-year HSTS meets a one-year floor', scenario: 'HSTS and a 301 from http', options: { hstsMinMaxAge: 31_536_000 }, status: 'pass', message: PASS },
  { scenario: 'temporary 302 from http', status: 'warn', message: 'api: http:// → https://: 302 is a temporary redirect; use 301 or 308 so browsers and crawlers remember it' },
  {
    scenario: 'nothing listens on plain http',
    status: 'warn',
    message: /^api: http:\/\/ → https:\/\/: http:\/\/127\.0\.0\.1:(\d+) gave no answer \(connection refused by 127\.0\.0\.1:\1\): visitors typing the bare domain get an error, and HSTS preload needs the redirect$/,
  },
  { scenario: 'plain http serves content', status: 'fail', message: 'api: http:// → https://: plain HTTP serves content (200) instead of redirecting' },
  {
    scenario: 'plain http redirects to another host',
    status: 'fail',
    message: 'api: http:// → https://: first hop 301 goes to another host (www.example.com); redirect to https://127.0.0.1 first so HSTS covers it',
  },
  { scenario: 'plain address redirects to itself', status: 'fail', message: /^api: http:\/\/ → https:\/\/: first hop 302 goes to http:\/\/127\.0\.0\.1:\d+\/loop, not to https:\/\/$/ },
  { scenario: 'no HSTS', status: 'fail', message: HSTS_MISSING },
  { name: 'no HSTS fails even with no max-age floor', scenario: 'no HSTS', options: { hstsMinMaxAge: 0 }, status: 'fail', message: HSTS_MISSING },
  { scenario: 'plain http service url', status: 'fail', message: 'api: served over plain http:// (http://127.0.0.1:1)' },
  {
    scenario: 'self-signed certificate',
    status: 'fail',
    message: 'api: certificate: browsers refuse the connection: untrusted certificate (DEPTH_ZERO_SELF_SIGNED_CERT) (details: infrastructure.ssl-certificates)',
  },
  // Passed before: Node's verifier accepted the certificate, the redirect was judged by host name, HSTS read from wherever / led.
  {
    scenario: 'CN-only certificate',
    status: 'fail',
    message:
      'api: certificate: browsers refuse the connection: host name: the certificate names localhost only in its subject CN (CN=localhost), with no subjectAltName: browsers ignore the CN (Chrome since version 58; RFC 6125 §6.4.4, baseline requirements §7.1.2.7.12) (details: infrastructure.ssl-certificates)',
  },
  {
    scenario: 'RSA-1024 certificate',
    status: 'fail',
    message:
      'api: certificate: browsers refuse the connection: keys: CN=127.0.0.1 has an RSA key of 1024 bits: browsers and the CA/Browser Forum baseline requirements (§6.1.5) require at least 2048 (details: infrastructure.ssl-certificates)',
  },
  { name: 'a refused certificate fails even with no HSTS floor', scenario: 'RSA-1024 certificate', options: { hstsMinMaxAge: 0 }, status: 'fail', message: /^api: certificate: browsers refuse the connection: keys:/ },
  {
    scenario: 'redirect to a port where nothing answers',
    status: 'fail',
    message: /^api: http:\/\/ → https:\/\/: first hop 301 goes to https:\/\/127\.0\.0\.1:(\d+)\/, where nothing answers over TLS \(connection refused by 127\.0\.0\.1:\1\)$/,
  },
  {
    scenario: 'redirect to a port with a self-signed certificate',
    status: 'fail',
    message: /^api: http:\/\/ → https:\/\/: first hop 301 goes to https:\/\/127\.0\.0\.1:\d+\/, whose certificate browsers refuse \(untrusted certificate \(DEPTH_ZERO_SELF_SIGNED_CERT\)\)$/,
  },
  {
    scenario: 'redirect to another port with valid TLS',
    status: 'pass',
    message: PASS,
    evidence: { api: { judgements: expect.arrayContaining([expect.stringMatching(/^pass http:\/\/ → https:\/\/: 301 to https:\/\/127\.0\.0\.1:\d+\/$/)]) as unknown } },
  },
  {
    scenario: 'HSTS only on the host the root redirects to',
    status: 'fail',
    message: /^api: Strict-Transport-Security: missing: browsers may be downgraded to plain HTTP \(127\.0\.0\.1:\d+ redirects to localhost:\d+; HSTS from there covers that host, not this one\)$/,
  },
  { name: 'HSTS from another host is missing here whatever the max-age floor', scenario: 'HSTS only on the host the root redirects to', options: { hstsMinMaxAge: 0 }, status: 'fail', message: /^api: Strict-Transport-Security: missing/ },
  { scenario: 'HSTS on a same-host redirect target', status: 'pass', message: PASS },
  {
    name: 'the same-host HSTS (one year) fails a two-year floor',
    scenario: 'HSTS on a same-host redirect target',
    options: { hstsMinMaxAge: 63_072_000 },
    status: 'fail',
    message: 'api: Strict-Transport-Security: max-age=31536000 is below 63072000 s (730 days)',
  },
  { scenario: 'https address hangs', status: 'error', message: /^api: no TLS handshake from 127\.0\.0\.1:\d+ within 300 ms$/ },
]);
