import { z } from 'zod';
import { defineCheck } from '../../src/kit/check.js';
import { combine, outcome } from '../../src/core/outcome.js';
import { environmentParity } from '../../src/kit/env-parity.js';
import { probeFailure } from '../../src/kit/probe-failure.js';
import { perEnvView } from '../../src/kit/per-env-view.js';
import type { CheckOutcome } from '../../src/core/types.js';
import type { EnvView } from '../../src/probes/env.js';
import { formatProblem, productionValueFindings, REQUIRED_FORMATS, type ValueFinding } from '../../src/rules/production-values.js';

const options = z.strictObject({
  required: z
    .array(
      z.strictObject({
        variable: z.string().min(1),
        format: z.enum(REQUIRED_FORMATS).default('any'),
        service: z.string().optional().describe('Only for this service (as named by the env sources)'),
      }),
    )
    .default([])
    .describe('Variables that must be present, e.g. { variable: GEMINI_API_KEY, format: google-api-key, service: api }'),
  ignore: z.array(z.string().min(1)).default([]).describe('Variables not to judge (neither their values nor their parity with the code)'),
});
type Options = z.infer<typeof options>;

const MAX_LISTED = 50;

export default defineCheck<Options>({
  id: 'security.production-env-values',
  section: 'security',
  item: 'All environment variables use production values (not dev/test)',
  severity: 'critical',
  automation: 'automated',
  needs: ['env'],
  options,
  verifies: 'No variable of the environment points at a local, reserved, tunnel, staging or provider-sandbox host, holds a test-mode key, a published secret, a placeholder or a development setting, or switches a protection off, and the required keys are present in the right format; with `repo:` set, every variable the code reads is also set and documented in .env.example.',
  how:
    'Judges every variable of each service\'s view. Hosts come from every value that parses as a URL (multi-host authorities included), a connection string ' +
    '(host=, Server=, Data Source=) or a host list (host:port, IP or localhost entries) whatever its name, and from every entry of variables named for hosts ' +
    '(*HOST(S), *DOMAIN(S), *ORIGIN(S), *SERVER(S), *NODES, *BROKERS, *ENDPOINT(S), *ADDR(ESS), …). Fail: hosts that are localhost, 127.0.0.0/8, ::1, 0.0.0.0 ' +
    '(except HOST/BIND_ADDRESS-style bind variables), host.docker.internal, public names that resolve to loopback (lvh.me, localtest.me, localhost.direct, 127.0.0.1.nip.io, …), ' +
    'local-network names (.local, home.arpa, .localdomain), RFC 2606 names (.test, .example, .invalid, .localhost, example.com/.net/.org), tunnels (ngrok, trycloudflare, ' +
    'localtunnel, serveo, devtunnels, …) or providers\' sandboxes (PayPal, Braintree, Square, Plaid, Mailgun sandbox domains, Mailtrap, Ethereal); test-mode keys ' +
    '(Stripe sk_test_/pk_test_/rk_test_, Razorpay rzp_test_, Square sandbox-, Checkout.com sk_sbox_, Paddle pdl_sdbx_, django-insecure-) and providers\' test values ' +
    '(Twilio magic numbers, Stripe test cards) and mode switches (SendGrid sandbox mode, Shopify test charges, *_SANDBOX/*_TEST_MODE=true), all as data with sources ' +
    '(src/core/secrets/data/test-values.json); published secrets (data/published-secrets.json); placeholder values, and placeholders anywhere in a value ' +
    '(your-…-key, YOUR_TOKEN, runs of x\'s such as sk_live_xxxx…, changeme/replace-me/todo words, <your-key>) and unexpanded templates; a vendor prefix followed by filler; ' +
    '*_ENV/*_ENVIRONMENT/*_STAGE/*_MODE set to dev/development/local/test/testing/sandbox; settings that switch protection off in any casing and separator style ' +
    '(NODE_TLS_REJECT_UNAUTHORIZED=0, *_REJECT_UNAUTHORIZED/*SSL_VERIFY*/*VERIFY_TLS* false, *INSECURE*/*SKIP_TLS_VERIFY* true, PYTHONHTTPSVERIFY=0, ' +
    'DISABLE_AUTH/DISABLE_CSRF/SKIP_RATE_LIMIT true, VERIFY_JWT false, NODE_OPTIONS=--insecure-http-parser); CORS allow-lists (CORS*, ALLOWED_ORIGINS, …) containing * or null; ' +
    'a required variable missing or in the wrong format. ' +
    'Warn: sandbox/staging/dev/qa/preview/uat/pr-N host names (in URLs and host-named variables); wildcard-DNS names for other addresses (10.0.0.5.nip.io); staging/preview/qa ' +
    'values of *_ENV-style variables; debug flags (*_DEBUG, DEBUG_MODE, ENABLE_DEBUG on; DEBUG=namespaces; LOG_LEVEL=debug/trace; NODE_DEBUG); cookies without Secure or HttpOnly; ' +
    'GraphQL playground/introspection on; a temporary AWS key (ASIA…); wildcard origin patterns; a GEMINI/GOOGLE *_API_KEY not shaped AIza…/AQ.…. ' +
    'With `repo:` set, a second part, parity with the code: every variable the repository\'s JavaScript/TypeScript source reads by name (`process.env.X`, `process.env[\'X\']`, ' +
    '`const { X } = process.env`, `import.meta.env.X`; found with the js-tokens tokenizer, so comments and strings do not count; tests, fixtures, declarations and node_modules left out; ' +
    'a service\'s code is its `services.<name>.repoPath` folder) must be set in that service\'s view — fail when it is not and the code has no `??`/`||`/destructuring default, warn when it falls back — ' +
    'and documented in .env.example (or .env.sample, .env.template, .env.dist, example.env, .env.defaults; commented-out `# X=` lines count) — warn when not, or when there is none. ' +
    'Variables the platform or runtime sets (PORT, RAILWAY_*, VERCEL_*, npm_*, CI, HOME, …) and `ignore`d ones are left out. ' +
    'Secret values are never printed, only their names and public prefixes.',
  remediation:
    'Diff the production variables against .env.example and staging, replace every local/test/sandbox value in the platform (Railway → service → Variables), redeploy each service and re-run this check.',
  async run(ctx) {
    const values = await perEnvView(ctx, (view) => judgeView(view, ctx.options));
    // Parity needs the code: without `repo:` the line is what it always was.
    if (ctx.environment.repo === undefined) return values;
    const parity = await environmentParity(ctx, ctx.options.ignore).catch((error: unknown) => probeFailure(error));
    return combine([
      { label: 'values', outcome: values },
      { label: 'parity with the code', outcome: parity },
    ]);
  },
});

function judgeView(view: EnvView, opts: Options): CheckOutcome {
  const findings: ValueFinding[] = [];
  for (const [name, value] of view.values) {
    if (!opts.ignore.includes(name)) findings.push(...productionValueFindings(name, value));
  }
  for (const required of opts.required.filter((r) => r.service === undefined || r.service === view.service)) {
    const value = view.values.get(required.variable);
    if (value === undefined) {
      findings.push({ variable: required.variable, level: 'fail', problem: view.empty.has(required.variable) ? 'is required but empty' : 'is required but not set' });
      continue;
    }
    const problem = formatProblem(value, required.format);
    if (problem) findings.push({ variable: required.variable, level: 'fail', problem });
  }
  const evidence = {
    variables: view.values.size,
    findings: findings.slice(0, MAX_LISTED).map((f) => `${f.level}: ${f.variable} ${f.problem}`),
    ...(findings.length > MAX_LISTED ? { moreFindings: findings.length - MAX_LISTED } : {}),
  };
  const fails = findings.filter((f) => f.level === 'fail');
  const listed = (list: ValueFinding[]) => list.slice(0, 5).map((f) => `${f.variable} ${f.problem}`).join('; ') + (list.length > 5 ? `; and ${list.length - 5} more` : '');
  if (fails.length > 0) return outcome('fail', listed(fails), { evidence });
  if (findings.length > 0) return outcome('warn', listed(findings), { evidence });
  return outcome('pass', `${view.values.size} variables, none with a development or test value`, { evidence });
}
