import { defineCheck } from '../../src/kit/check.js';
import { outcome, verdictOf } from '../../src/core/outcome.js';
import { perServicePage, serviceUrl } from '../../src/kit/per-service.js';
import { isHtml } from '../../src/probes/html.js';
import { sameSite } from '../../src/probes/sites.js';
import { besideScript, judgeProductionBuild, MIN_JUDGED_SCRIPT_BYTES, sourceMapReference, type SourceMapLookup } from '../../src/rules/production-build.js';
import { MAX_BUNDLES_PER_PAGE, MAX_FRAMEWORK_SCRIPTS_PER_PAGE, pagesProbe } from '../../src/probes/pages.js';

/** Source maps are only checked for existence and shape: the first 64 KiB say enough. */
const MAP_READ_BYTES = 64 * 1024;

export default defineCheck({
  id: 'testing.dashboard-production-build',
  section: 'testing',
  item: 'Dashboard tested in production build',
  severity: 'medium',
  automation: 'partial',
  needs: ['services'],
  verifies: 'The deployed dashboard is a production build: minified application scripts, no development server or development-build markers, no public source maps.',
  how:
    `GETs the dashboard page (services of kind dashboard), every same-site script it loads (<script src>, <link rel=modulepreload>; the asset first, if set; at most ${MAX_BUNDLES_PER_PAGE}) ` +
    `and up to ${MAX_FRAMEWORK_SCRIPTS_PER_PAGE} scripts from other hosts whose URL names a framework build (react, vue, angular, svelte, preact on unpkg, jsDelivr, cdnjs…), ` +
    "and each same-site script's source map: the one it points to (//# sourceMappingURL or a SourceMap header), else <script>.map, where bundlers put it. " +
    'Development builds are recognised by their own markers, which production builds strip: webpack\'s eval-devtool banner and eval(…//# sourceURL=webpack://) modules, the React development bundles (*.development.js), ' +
    'the Vue development build ("You are running a development build of Vue", [Vue warn], __VUE_HMR_RUNTIME__), Angular in development mode, the Svelte development build (SvelteComponentDev, dispatch_dev, component file names), ' +
    'and dev servers: the Vite client (/@vite/client), React Fast Refresh, webpack-dev-server, HMR code, the Next.js dev server. Fail: any of these; ' +
    `an application script of ${MIN_JUDGED_SCRIPT_BYTES} bytes or more that is not minified (average line under 150 characters and 5 % or more spaces and tabs) — a configuration script that only assigns data (window.__ENV__ = {…}) is not judged; ` +
    'a script the page loads answering non-200. Warn: a source map answering 200 with source-map JSON (referenced or beside the script), or an inline source map. Error: the page does not answer 2xx HTML, or a script cannot be fetched. ' +
    'Pass means the deployed build is a production build; that it was exercised by people is for the release notes.',
  remediation:
    'Deploy the output of `npm run build` (NODE_ENV=production) served statically, never `vite` or `npm run dev`; build source maps as "hidden" and upload them to the error tracker; ' +
    'click through login, store connection, widget settings and analytics on a staging deploy of the same build.',
  attestation: 'The `npm run build` log of the release commit and a note or recording of the main dashboard pages used on the staging deploy of that build, without console errors.',
  async run(ctx) {
    return perServicePage(
      ctx,
      async (page, _name, service) => {
        if (page.status < 200 || page.status >= 300 || !isHtml(page)) {
          return outcome('error', `the dashboard page answered ${page.status} ${page.headers['content-type']?.[0] ?? ''}, not a 2xx HTML page to judge`.trim(), {
            evidence: { url: page.url, status: page.status },
          });
        }
        const scripts = await ctx.probe(pagesProbe).bundles(page, service.asset ? [serviceUrl(service, service.asset)] : []);
        if (scripts.length === 0) {
          return outcome('manual', 'the page loads no same-site script to judge: confirm the build by hand', { evidence: { url: page.url } });
        }
        const maps = new Map<string, SourceMapLookup>();
        await Promise.all(
          scripts.map(async (script) => {
            // Only the application's own maps leak its source; a framework's public map on a CDN is no secret.
            if (script.response?.status !== 200 || !sameSite(script.url, page.url)) return;
            const reference = sourceMapReference(script.response);
            if (reference === 'inline') maps.set(script.url, 'inline');
            else maps.set(script.url, { asset: await ctx.probe(pagesProbe).asset(reference ?? besideScript(script.url), MAP_READ_BYTES), referenced: reference !== undefined });
          }),
        );
        return verdictOf(judgeProductionBuild(page, scripts, maps), `production build: ${scripts.length} script(s) minified, no development markers, no public source maps`, {
          url: page.url,
          scripts: scripts.map((s) => s.url),
          sourceMaps: [...maps.values()].map((m) => (m === 'inline' ? 'inline' : `${m.asset.url} → ${m.asset.response?.status ?? m.asset.failure?.code}`)),
        });
      },
      {
        kinds: ['dashboard'],
        none: 'no service of kind dashboard is configured (services.<name>.kind: dashboard, or a service named dashboard)',
        pass: 'the deployed dashboard is a production build',
      },
    );
  },
});
