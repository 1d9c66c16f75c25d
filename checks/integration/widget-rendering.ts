import { z } from 'zod';
import { judged, outcome, verdictOf } from '../../src/core/outcome.js';
import { serviceKind, type ServiceConfig } from '../../src/config/schema/services.js';
import { notProbed } from '../../src/kit/not-probed.js';
import { defineCheck } from '../../src/kit/check.js';
import { merchantOriginOf } from '../../src/kit/merchant-origin.js';
import { perService, serviceUrl } from '../../src/kit/per-service.js';
import { browserProbe } from '../../src/probes/browser.js';
import { isHtml, scriptUrls } from '../../src/probes/html.js';
import { header, httpProbe, type HttpProbe } from '../../src/probes/http.js';
import { sameSite } from '../../src/probes/sites.js';
import { judgeRender } from '../../src/rules/widget-render.js';
import { judgeWidgetScript, mimeEssence } from '../../src/rules/widget-script.js';

/** The script is read this far and no further (the HTTP probe's own body cap): over 1 MiB is too big for a storefront anyway. */
const MAX_LIMIT_BYTES = 1024 * 1024;

const options = z.strictObject({
  maxScriptBytes: z
    .number()
    .int()
    .positive()
    .max(MAX_LIMIT_BYTES)
    .default(512 * 1024)
    .describe('Uncompressed bytes above which the widget script warns (at most 1 MiB, as far as the script is read)'),
  minHashedMaxAgeSeconds: z.number().int().nonnegative().default(30 * 86_400).describe('Least Cache-Control max-age of a versioned (content-hashed) script'),
  maxUnhashedMaxAgeSeconds: z.number().int().nonnegative().default(3_600).describe('Longest max-age an unversioned script may have before it warns (7 days or immutable fails)'),
  hashed: z.enum(['auto', 'yes', 'no']).default('auto').describe('Whether the script URL is versioned; auto reads a content hash or ?v= from the URL'),
  crossOrigin: z.boolean().default(false).describe('The embed snippet loads the script with crossorigin or type="module", so it must allow the merchant origin by CORS'),
  render: z.boolean().default(false).describe('Also render the widget in headless Chromium on a product page of the merchant origin (read-only: writes aborted), failing on uncaught exceptions'),
  browser: z.string().min(1).optional().describe('The Chromium executable to render with; default chromium, chromium-browser or google-chrome on PATH'),
});
type Options = z.infer<typeof options>;

const ATTESTATION =
  'Screenshots of the widget rendering on at least three merchant or dev stores using different themes (e.g. Dawn plus two others), the store URLs, and confirmation of no console errors or CSP violations.';

/** What a storefront's <script src> sends: no cookies, its own origin, a script destination, from another site. */
function storefrontHeaders(origin: string): Record<string, string> {
  return {
    accept: '*/*',
    origin,
    referer: `${origin}/`,
    'sec-fetch-dest': 'script',
    'sec-fetch-mode': 'cors',
    'sec-fetch-site': 'cross-site',
  };
}

/** The script the widget's page loads first from its own site, when no asset is configured. */
async function firstScript(http: HttpProbe, service: ServiceConfig): Promise<{ url?: string; why?: string }> {
  const page = await http.fetch({ url: service.url });
  if (page.status < 200 || page.status >= 300) return { why: `the widget page ${page.url} answered ${page.status}, so no script could be found on it` };
  if (!isHtml(page)) return { why: `the widget page ${page.url} is ${header(page, 'content-type') ?? 'not typed'}, not HTML to find the script in` };
  const url = scriptUrls(page.body, page.url).find((src) => /^https?:/.test(src) && sameSite(src, page.url));
  return url ? { url } : { why: `the widget page ${page.url} loads no script from its own site` };
}

export default defineCheck<Options>({
  id: 'integration.widget-rendering',
  section: 'integration',
  item: 'Widget rendering on merchant sites',
  severity: 'medium',
  automation: 'partial',
  needs: [],
  options,
  verifies:
    "The widget script loads when a merchant storefront requests it: 200, a JavaScript content type (not an HTML error page), no CORP or CORS header that blocks a cross-site <script>, caching that suits its URL, and a size storefronts can afford; with render: true, also that it runs in headless Chromium on a plain product page without throwing and adds its elements. That it renders well on real themes, without console errors or CSP violations, stays to attest.",
  how:
    'For each service of kind widget: one GET of its script (services.<name>.asset, else the first same-site script of its page, which costs one more GET) as a storefront sends it — Origin and Referer of integrations.merchantOrigin ' +
    '(default: the first exact origin in services.<name>.origins, else https://readiness-probe.myshopify.com), Sec-Fetch-Dest: script, Sec-Fetch-Site: cross-site, Accept: */* — redirects followed as browsers do, read up to 1 MiB. ' +
    'Fail: not 2xx or empty; text/html or an HTML body; image/audio/video/text/csv, or another non-JavaScript type with nosniff; Cross-Origin-Resource-Policy same-origin, or same-site for another site; with crossOrigin: true, no Access-Control-Allow-Origin for the merchant; ' +
    'an unversioned URL cached 7 days or more, or immutable. Warn: a non-JavaScript type without nosniff; a versioned URL (content hash, ?v=) cached under minHashedMaxAgeSeconds; an unversioned one with no Cache-Control or over maxUnhashedMaxAgeSeconds; ' +
    'an Access-Control-Allow-Origin for another origin; over maxScriptBytes. Error: no script found, timeouts, refused connections. Manual: no widget service is configured; and, without render: true, a script served well (fetched, not run: the rendering is not observed). ' +
    'With render: true, headless Chromium (playwright-core; the browser option, else chromium on PATH) also opens <merchant origin>/products/readiness-probe-product, a page readiness answers itself that embeds the script (async, crossorigin with crossOrigin: true); ' +
    "GET/HEAD only — other requests are aborted and listed, the store's own endpoints answered 404 locally, at most 50 requests and 15 s. Fail: the browser could not load the script, or it threw an uncaught exception. " +
    'Warn: console errors (other than about what readiness blocked). Manual: it ran cleanly but added no element (it may need a container or config the plain page lacks). Error: no Chromium, or it would not start.',
  remediation:
    "Serve the widget script as text/javascript with Cross-Origin-Resource-Policy: cross-origin, a small loader with a short cache that loads content-hashed chunks cached for a year; isolate the widget in Shadow DOM or an iframe, load it async, handle stores with strict CSP, and test on the most common themes.",
  attestation: ATTESTATION,
  async run(ctx) {
    const widgets = Object.entries(ctx.environment.services ?? {}).filter(([name, service]) => serviceKind(name, service) === 'widget');
    if (widgets.length === 0) {
      return notProbed({
        missing: 'no service of kind widget is configured',
        configure: 'add it under services (kind: widget, asset: the script merchants embed) so readiness loads the script as a storefront would',
        attestation: ATTESTATION,
        remediation: 'Configure services.widget: { url, asset: /widget.js, origins: [https://<a merchant store>] } (or kind: widget on another name).',
      });
    }
    const http = ctx.probe(httpProbe);
    return perService(
      ctx,
      async (name, service) => {
        const found = service.asset ? { url: serviceUrl(service, service.asset) } : await firstScript(http, service);
        if (!found.url) return outcome('error', `${found.why ?? 'no script found'}: set services.${name}.asset to the script merchants embed`);
        const origin = merchantOriginOf(ctx.environment, service);
        const response = await http.fetch({ url: found.url, headers: storefrontHeaders(origin), maxBodyBytes: MAX_LIMIT_BYTES });
        const evidence = {
          url: response.url,
          merchantOrigin: origin,
          status: response.status,
          contentType: mimeEssence(response) || null,
          cacheControl: header(response, 'cache-control') ?? null,
          crossOriginResourcePolicy: header(response, 'cross-origin-resource-policy') ?? null,
          accessControlAllowOrigin: header(response, 'access-control-allow-origin') ?? null,
          bytes: response.bodyBytes,
        };
        const judgements = judgeWidgetScript(response, origin, ctx.options);
        // Loading is not rendering: without the render the line is not verified, however well the script is served.
        if (!ctx.options.render) {
          const unrendered = judged('rendering', 'manual', `not observed (the script was fetched, not run): set checks.integration.widget-rendering.options.render: true to run it in Chromium, or attest: ${ATTESTATION}`);
          return verdictOf([...judgements, unrendered], `${new URL(response.url).pathname} loads on ${origin} as a script`, evidence);
        }
        const seen = await ctx.probe(browserProbe).render({ scriptUrl: response.url, merchantOrigin: origin, crossOrigin: ctx.options.crossOrigin, executablePath: ctx.options.browser });
        const rendered = {
          scriptStatus: seen.script.status,
          scriptFailure: seen.script.failure,
          pageErrors: seen.pageErrorCount,
          consoleErrors: seen.consoleErrorCount,
          addedElements: seen.addedElements,
          blockedWrites: seen.blockedWrites,
          renderMs: seen.ms,
        };
        return verdictOf([...judgements, ...judgeRender(seen)], `${new URL(response.url).pathname} loads on ${origin} as a script and renders`, { ...evidence, rendered });
      },
      {
        kinds: ['widget'],
        pass: ctx.options.render
          ? 'the widget script loads from a merchant storefront (200, a JavaScript type, nothing blocking it cross-site, sane caching and size) and renders in Chromium without errors; real themes stay to attest'
          : 'the widget script loads from a merchant storefront: 200, a JavaScript type, nothing blocking it cross-site, sane caching and size; rendering on real themes stays to attest',
      },
    );
  },
});
