import { judgementTable } from '../../test/helpers/judgement-table.js';
import dashboardProductionBuild from './dashboard-production-build.js';

const PASS = 'the deployed dashboard is a production build';

judgementTable(dashboardProductionBuild, [
  {
    scenario: 'minified production build',
    status: 'pass',
    message: PASS,
    evidence: { dashboard: { verdict: 'pass', message: 'production build: 1 script(s) minified, no development markers, no public source maps' } },
  },
  { scenario: 'dashboard fixture', status: 'pass', message: PASS },
  {
    scenario: 'vite dev server',
    status: 'fail',
    message:
      'dashboard: /: the Vite dev-server client (/@vite/client) is served; /: the React Fast Refresh preamble of the Vite dev server is served; /src/main.tsx: hot module replacement code is served',
  },
  {
    scenario: 'development build',
    status: 'fail',
    message: 'dashboard: /assets/index-8c1e.js: the React development build is served; /assets/index-8c1e.js: not minified (average line 27 characters, 14 % whitespace)',
  },
  // Passed before: shape-only minification, five same-site scripts, no other host, source maps only where a comment pointed.
  { scenario: 'webpack development build', status: 'fail', message: 'dashboard: /main.js: a webpack development build (eval devtool) is served' },
  {
    scenario: 'vue development build as the sixth script',
    status: 'fail',
    message: 'dashboard: /assets/vue.global.js: the Vue development build is served; /assets/vue.global.js: not minified (average line 27 characters, 14 % whitespace)',
  },
  {
    scenario: 'vue development build from a CDN',
    status: 'fail',
    message: /^dashboard: (http:\/\/localhost:\d+\/npm\/vue@3\.4\.21\/dist\/vue\.global\.js): the Vue development build is served; \1: not minified \(average line 27 characters, 14 % whitespace\)$/,
  },
  {
    scenario: 'source map beside the script',
    status: 'warn',
    message: 'dashboard: /assets/index-5d1e.js.map: public source map, served beside the script though the script does not point to it: anyone can read the original source',
  },
  // A false fail before: the pretty-printed configuration script was judged as if it were the application bundle.
  {
    scenario: 'production build with a runtime config script',
    status: 'pass',
    message: PASS,
    evidence: { dashboard: { judgements: ['pass build: 1 script(s) minified (and 1 configuration script(s) not judged), no development markers, no public source maps'] } },
  },
  { scenario: 'missing chunk', status: 'fail', message: 'dashboard: /assets/vendor-77aa.js: the page loads it but it answers 404: the deployed build is broken' },
  { scenario: 'public source map', status: 'warn', message: 'dashboard: /assets/index-8c1e.js.map: public source map: anyone can read the original source' },
  { scenario: 'page loads no script', status: 'manual', message: 'dashboard: the page loads no same-site script to judge: confirm the build by hand' },
  { scenario: 'no dashboard configured', status: 'skip', message: 'no service of kind dashboard is configured (services.<name>.kind: dashboard, or a service named dashboard)' },
  { scenario: 'page answers 404', status: 'error', message: 'dashboard: the dashboard page answered 404 text/html; charset=utf-8, not a 2xx HTML page to judge' },
  { scenario: 'dashboard hangs', status: 'error', message: /^dashboard: no complete answer from 127\.0\.0\.1:\d+ within 300 ms$/ },
]);
