import { judgementTable } from '../../test/helpers/judgement-table.js';
import check from './widget-rendering.js';

// Served well but not run: the line is not verified without the render (render: true), so it stays for a person.
const UNRENDERED = /^widget: rendering: not observed \(the script was fetched, not run\): set checks\.integration\.widget-rendering\.options\.render: true/;

// Recorded from fixtures/apps/widget-host.ts (real express.static over a real build folder) on loopback.
judgementTable(check, [
  { scenario: 'correct loader', status: 'manual', message: UNRENDERED, evidence: { widget: { contentType: 'text/javascript', cacheControl: 'public, max-age=300' } } },
  { scenario: 'correct loader', options: { crossOrigin: true }, status: 'manual', message: UNRENDERED },
  { scenario: 'correct loader', options: { hashed: 'yes' }, status: 'warn', message: 'widget: caching: versioned URL with Cache-Control: public, max-age=300: under 30 day(s), so shoppers download it again and again' },
  { scenario: 'correct loader', options: { maxUnhashedMaxAgeSeconds: 60 }, status: 'warn', message: 'widget: caching: unversioned URL with Cache-Control: public, max-age=300: longer than 60 s, so a fix reaches shoppers late' },
  { scenario: 'correct loader', options: { maxScriptBytes: 1_000 }, status: 'warn', message: 'widget: size: more than 1000 bytes uncompressed: every storefront page view downloads and parses it' },
  { scenario: 'script found on the widget page', status: 'manual', message: UNRENDERED },
  { scenario: 'hashed chunk', status: 'manual', message: UNRENDERED },
  {
    scenario: 'hashed chunk',
    options: { hashed: 'no' },
    status: 'fail',
    message: 'widget: caching: unversioned URL with Cache-Control: public, max-age=31536000, immutable: after a deploy shoppers keep the old widget for as long as it stays cached, never revalidated',
  },
  { scenario: 'hashed chunk short cache', status: 'warn', message: /^widget: caching: versioned URL with Cache-Control: public, max-age=60: under 30 day\(s\)/ },
  { scenario: 'hashed chunk short cache', options: { minHashedMaxAgeSeconds: 60 }, status: 'manual', message: UNRENDERED },
  { scenario: 'unhashed cached forever', status: 'fail', message: /^widget: caching: unversioned URL with Cache-Control: public, max-age=31536000, immutable: after a deploy/ },
  { scenario: 'unhashed cached forever', options: { hashed: 'yes' }, status: 'manual', message: UNRENDERED },
  { scenario: 'html fallback', status: 'fail', message: 'widget: content type: served as text/html with an HTML body: an error or fallback page (an SPA catch-all?), not the script' },
  { scenario: 'corp same-origin', status: 'fail', message: 'widget: CORP: Cross-Origin-Resource-Policy: same-origin blocks it on every storefront' },
  {
    scenario: 'corp same-origin',
    options: { crossOrigin: true },
    status: 'fail',
    message:
      'widget: CORP: Cross-Origin-Resource-Policy: same-origin blocks it on every storefront; CORS: no Access-Control-Allow-Origin for https://readiness-probe.myshopify.com: a crossorigin or module <script> is blocked',
  },
  { scenario: 'text/plain with nosniff', status: 'fail', message: 'widget: content type: served as text/plain with X-Content-Type-Options: nosniff: browsers refuse to run it' },
  { scenario: 'no cors for crossorigin', status: 'fail', message: /CORS: no Access-Control-Allow-Origin for https:\/\/readiness-probe\.myshopify\.com: a crossorigin or module <script> is blocked$/ },
  { scenario: 'script 404', status: 'fail', message: "widget: script: answered 404 to a storefront's request: the widget does not load on merchant sites" },
  { scenario: 'over the size limit', status: 'warn', message: 'widget: size: more than 20000 bytes uncompressed: every storefront page view downloads and parses it' },
  { scenario: 'over the size limit', options: { maxScriptBytes: 100_000 }, status: 'manual', message: UNRENDERED },
  { scenario: 'no script found', status: 'error', message: /answered 404, so no script could be found on it: set services\.widget\.asset to the script merchants embed$/ },
  { scenario: 'connection refused', status: 'error', message: /^widget: connection refused by 127\.0\.0\.1:\d+$/ },
  { scenario: 'hangs', status: 'error', message: /^widget: no complete answer from 127\.0\.0\.1:\d+ within 1000 ms$/ },

  // Rendered in headless Chromium (render: true): the browser's observations are recorded like the HTTP answers.
  {
    scenario: 'renders in chromium',
    status: 'pass',
    message: 'the widget script loads from a merchant storefront (200, a JavaScript type, nothing blocking it cross-site, sane caching and size) and renders in Chromium without errors; real themes stay to attest',
    evidence: { widget: { rendered: { scriptStatus: 200, pageErrors: 0, blockedWrites: ['POST /render/api/impressions'] } } },
  },
  { scenario: 'renders in chromium', options: { render: true, maxScriptBytes: 100 }, status: 'warn', message: /^widget: size: more than 100 bytes uncompressed/ },
  { scenario: 'throws in chromium', status: 'fail', message: /^widget: rendering: the widget threw an uncaught exception in Chromium [\d.]+ on https:\/\/readiness-probe\.myshopify\.com\/products\/readiness-probe-product: TypeError: Cannot read properties of undefined \(reading 'shop'\)$/ },
  {
    scenario: 'blocked by corp in chromium',
    status: 'fail',
    message: /^widget: CORP: Cross-Origin-Resource-Policy: same-origin blocks it on every storefront; rendering: the browser could not load the script \(net::ERR_BLOCKED_BY_RESPONSE[^)]*\) in Chromium/,
  },
  { scenario: 'console errors in chromium', status: 'warn', message: /^widget: console: 1 console error\(s\) in Chromium [\d.]+ on .*: \[acme\] no data-shop attribute; falling back to defaults$/ },
  { scenario: 'adds nothing in chromium', status: 'manual', message: /^widget: rendering: the script ran without errors but added nothing to the page in Chromium/ },
  { scenario: 'no such browser', status: 'error', message: /^widget: could not start \/nonexistent\/chromium: / },
]);
