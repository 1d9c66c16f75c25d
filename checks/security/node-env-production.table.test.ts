import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { Status } from '../../src/core/types.js';
import { envWorkspace } from '../../test/helpers/env-target.js';
import { inputTable } from '../../test/helpers/input-table.js';
import { judgementTable } from '../../test/helpers/judgement-table.js';
import { readRecordings, replayHooks } from '../../test/helpers/observations.js';
import { runCheck } from '../../test/helpers/run-check.js';
import check from './node-env-production.js';

const CLEAN = 'no development markers over HTTP; NODE_ENV itself is not visible over HTTP — confirm it in the service variables';

judgementTable(check, [
  {
    name: 'clean services are manual: HTTP cannot show NODE_ENV itself',
    scenario: 'hardened api and dashboard',
    status: 'manual',
    message: `api: ${CLEAN}; dashboard: ${CLEAN}`,
    evidence: { api: { pathsChecked: expect.arrayContaining(['POST /v1/products']) } },
  },
  { scenario: 'stack trace on malformed JSON', status: 'fail', message: 'api: stack trace in the response to POST / (malformed JSON): errors are rendered as in development' },
  {
    scenario: 'leaky widget',
    status: 'fail',
    message: 'widget: stack trace in the response to /health, POST / (malformed JSON): errors are rendered as in development',
    evidence: { widget: { markers: expect.arrayContaining(['development-build at /widget.js: the React development build']) } },
  },
  {
    scenario: 'vite dev server and development build',
    status: 'fail',
    message:
      'dashboard: the Vite dev-server client (/@vite/client) (/); the React Fast Refresh preamble of the Vite dev server (/); hot module replacement code (/src/main.tsx): not a production build; ' +
      'app: the React development build (/assets/index-8c1e.js): not a production build',
  },
  { scenario: 'X-Powered-By alone', status: 'warn', message: 'api: sends X-Powered-By: Express, a development default' },
  // Passed as clean before: the webpack build had no known marker, the Vue build was the sixth same-site script.
  {
    scenario: 'webpack and vue development builds',
    status: 'fail',
    message: 'dashboard: a webpack development build (eval devtool) (/main.js): not a production build; web: the Vue development build (/assets/vue.global.js): not a production build',
    evidence: { web: { pathsChecked: expect.arrayContaining(['GET /assets/vue.global.js']) } },
  },
  // The host is missing from the probe's message when the body times out (src/probes/http.ts readBody); tolerate its return.
  { scenario: 'answer drips past the timeout', status: 'error', message: /^api: no complete answer from(?: 127\.0\.0\.1:\d+)? within 400 ms$/ },
]);

/**
 * The variables side: the HTTP answers of a recorded scenario, replayed, with real dotenv files beside them (the env
 * probe reads files, so nothing is replayed there). `sources` maps a file's content to the service it belongs to;
 * `null` content names a file that does not exist.
 */
interface VariablesRow {
  name: string;
  scenario: string;
  sources: { service?: string; dotenv: string | null }[];
  status: Status;
  message: string | RegExp;
}

const BOTH_CLEAN = 'NODE_ENV=production in its variables, and no development markers over HTTP';
const variableRows: VariablesRow[] = [
  {
    name: 'NODE_ENV=production for every service, and a clean HTTP side: pass',
    scenario: 'hardened api and dashboard',
    sources: [{ dotenv: 'NODE_ENV=production\n' }],
    status: 'pass',
    message: `api: ${BOTH_CLEAN}; dashboard: ${BOTH_CLEAN}`,
  },
  {
    name: 'a clean HTTP side does not hide NODE_ENV=development',
    scenario: 'hardened api and dashboard',
    sources: [{ dotenv: 'NODE_ENV=development\n' }],
    status: 'fail',
    message:
      'api: variables: NODE_ENV for api is "development", not exactly "production" (also http: manual); ' +
      'dashboard: variables: NODE_ENV for dashboard is "development", not exactly "production" (also http: manual)',
  },
  {
    name: "each service is judged by its own variables: the dashboard's \"Production\" fails, the api passes",
    scenario: 'hardened api and dashboard',
    sources: [
      { service: 'api', dotenv: 'NODE_ENV=production\n' },
      { service: 'dashboard', dotenv: 'NODE_ENV=Production\n' },
    ],
    status: 'fail',
    message: 'dashboard: variables: NODE_ENV for dashboard is "Production", not exactly "production" (also http: manual)',
  },
  {
    name: 'NODE_ENV missing from the variables fails',
    scenario: 'hardened api and dashboard',
    sources: [{ dotenv: 'PORT=3000\n' }],
    status: 'fail',
    message:
      'api: variables: NODE_ENV is not set for api (empty counts as unset); Node libraries then behave as in development (also http: manual); ' +
      'dashboard: variables: NODE_ENV is not set for dashboard (empty counts as unset); Node libraries then behave as in development (also http: manual)',
  },
  {
    name: 'whitespace around "production" fails: libraries compare the exact string',
    scenario: 'hardened api and dashboard',
    sources: [{ dotenv: 'NODE_ENV=" production"\n' }],
    status: 'fail',
    message:
      'api: variables: NODE_ENV for api has whitespace around "production"; libraries compare the exact string (also http: manual); ' +
      'dashboard: variables: NODE_ENV for dashboard has whitespace around "production"; libraries compare the exact string (also http: manual)',
  },
  {
    name: 'an env source that cannot be read is an error, not a pass',
    scenario: 'hardened api and dashboard',
    sources: [{ dotenv: null }],
    status: 'error',
    message:
      'api: variables: environments.prod.env[0] (dotenv missing-0.env) cannot be read (no such file) (also http: manual); ' +
      'dashboard: variables: environments.prod.env[0] (dotenv missing-0.env) cannot be read (no such file) (also http: manual)',
  },
  {
    name: 'NODE_ENV=production does not excuse development markers over HTTP',
    scenario: 'leaky widget',
    sources: [{ dotenv: 'NODE_ENV=production\n' }],
    status: 'fail',
    message: 'widget: http: stack trace in the response to /health, POST / (malformed JSON): errors are rendered as in development',
  },
  {
    name: 'X-Powered-By still warns beside NODE_ENV=production',
    scenario: 'X-Powered-By alone',
    sources: [{ dotenv: 'NODE_ENV=production\n' }],
    status: 'warn',
    message: 'api: http: sends X-Powered-By: Express, a development default',
  },
];

describe('security.node-env-production variables side: recorded HTTP answers with real env files', () => {
  const workspace = envWorkspace('readiness-node-env-table-');
  afterAll(() => workspace.remove());
  const recordings = readRecordings(check.id);

  for (const row of variableRows) {
    it(row.name, async () => {
      const scenario = recordings[row.scenario];
      if (!scenario) throw new Error(`no scenario "${row.scenario}" recorded for ${check.id}`);
      const env = row.sources.map((source, i) => ({
        dotenv: source.dotenv === null ? `missing-${i}.env` : workspace.write(`${row.name.replace(/\W+/g, '-')}-${i}.env`, source.dotenv),
        ...(source.service ? { service: source.service } : {}),
      }));
      const yaml = stringify({ prod: { ...scenario.environment, env } }).replace(/^/gm, '  ');
      const result = await runCheck(check, workspace.target(yaml), { hooks: replayHooks(scenario.calls) });
      expect(result.status).toBe(row.status);
      if (typeof row.message === 'string') expect(result.message).toBe(row.message);
      else expect(result.message).toMatch(row.message);
    });
  }
});

// Issue 16: with env sources and no services, the variables alone are judged — evidence of a failure is a fail.
inputTable(check, [
  { name: 'env sources only, NODE_ENV=development', dotenv: 'NODE_ENV=development\n', status: 'fail', message: 'prod: NODE_ENV is "development", not exactly "production"' },
  { name: 'env sources only, NODE_ENV unset', dotenv: 'PORT=3000\n', status: 'fail', message: 'prod: NODE_ENV is not set (empty counts as unset); Node libraries then behave as in development' },
  {
    name: 'env sources only, per service: the widget is in development',
    files: { 'api.env': 'NODE_ENV=production\n', 'widget.env': 'NODE_ENV=development\n' },
    environments: '  prod:\n    env: [{ dotenv: api.env, service: api }, { dotenv: widget.env, service: widget }]\n',
    status: 'fail',
    message: 'widget: NODE_ENV for widget is "development", not exactly "production"',
  },
  {
    name: 'env sources only, NODE_ENV=production: the HTTP side is left to a person',
    dotenv: 'NODE_ENV=production\n',
    status: 'manual',
    message: 'prod: NODE_ENV=production; no services are configured, so development error pages, dev servers and development builds were not checked over HTTP',
  },
  {
    name: 'env sources only, one unreadable',
    environments: '  prod:\n    env: [{ json: missing.json }]\n',
    status: 'error',
    message: 'prod: environments.prod.env[0] (json missing.json) cannot be read (no such file)',
  },
  // Nothing to observe is not verified: the line waits for config or a person's attestation.
  { name: 'neither services nor env sources', environments: '  prod:\n    logs: [{ file: x.log }]\n', status: 'manual', message: /^not probed: environments\.prod\.services or environments\.prod\.env not configured .*or attest it: Screenshot/ },
]);
