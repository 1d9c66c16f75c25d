import { defineCheck } from '../../src/kit/check.js';
import { outcome, verdictOf } from '../../src/core/outcome.js';
import { perServicePage, serviceUrl } from '../../src/kit/per-service.js';
import { isHtml } from '../../src/probes/html.js';
import { judgeProductionBuild, MIN_JUDGED_SCRIPT_BYTES, sourceMapReference } from '../../src/rules/production-build.js';
import { MAX_SCRIPTS_PER_PAGE, pagesProbe, type FetchedAsset } from '../../src/probes/pages.js';

/** Source maps are only checked for existence and shape: the first 64 KiB say enough. */
const MAP_READ_BYTES = 64 * 1024;

export default defineCheck({
  id: 'testing.dashboard-production-build',
  section: 'testing',
  item: 'Dashboard tested in production build',
  severity: 'medium',
  automation: 'partial',
  needs: ['services'],
  verifies: 'The deployed dashboard is a production build: minified scripts, no development server or development-build markers, no public source maps.',
  how:
    `GETs the dashboard page (services of kind dashboard) and up to ${MAX_SCRIPTS_PER_PAGE} of its same-site scripts (<script src>, <link rel=modulepreload>; the asset first, if set), ` +
    "and each source map a script points to (//# sourceMappingURL or a SourceMap header). Fail: the Vite client, React Fast Refresh, webpack-dev-server, HMR code, the Next.js dev server or a React/Vue/Angular development build; " +
    `a script of ${MIN_JUDGED_SCRIPT_BYTES} bytes or more that is not minified (average line under 150 characters and 5 % or more spaces and tabs); a script the page loads answering non-200. ` +
    'Warn: a source map answering 200 with source-map JSON, or an inline source map. Error: the page does not answer 2xx HTML, or a script cannot be fetched. ' +
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
        const scripts = await ctx.probe(pagesProbe).scripts(page, service.asset ? [serviceUrl(service, service.asset)] : []);
        if (scripts.length === 0) {
          return outcome('manual', 'the page loads no same-site script to judge: confirm the build by hand', { evidence: { url: page.url } });
        }
        const maps = new Map<string, FetchedAsset | 'inline'>();
        await Promise.all(
          scripts.map(async (script) => {
            const reference = script.response ? sourceMapReference(script.response) : undefined;
            if (reference === 'inline') maps.set(script.url, 'inline');
            else if (reference) maps.set(script.url, await ctx.probe(pagesProbe).asset(reference, MAP_READ_BYTES));
          }),
        );
        return verdictOf(judgeProductionBuild(page, scripts, maps), `production build: ${scripts.length} script(s) minified, no development markers, no public source maps`, {
          url: page.url,
          scripts: scripts.map((s) => s.url),
          sourceMaps: [...maps.values()].map((m) => (m === 'inline' ? 'inline' : `${m.url} → ${m.response?.status ?? m.failure?.code}`)),
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
