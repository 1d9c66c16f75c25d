import { z } from 'zod';
import { defineCheck } from '../../src/kit/check.js';
import { outcome } from '../../src/core/outcome.js';
import { perEnvView } from '../../src/kit/per-env-view.js';
import type { CheckOutcome } from '../../src/core/types.js';
import type { EnvView } from '../../src/probes/env.js';
import { judgeSentryDsn } from '../../src/rules/sentry-dsn.js';

const options = z.strictObject({
  services: z.array(z.string().min(1)).optional().describe('Services that must report to Sentry (as named by the env sources); default: all'),
});
type Options = z.infer<typeof options>;

/** SENTRY_DSN and the bundler-public forms (NEXT_PUBLIC_SENTRY_DSN, VITE_SENTRY_DSN, REACT_APP_SENTRY_DSN, …). */
const DSN_NAME = /(^|_)SENTRY_DSN$/;

export default defineCheck<Options>({
  id: 'monitoring.sentry',
  section: 'monitoring',
  item: 'Sentry error tracking configured and tested',
  severity: 'high',
  automation: 'partial',
  needs: ['env'],
  options,
  verifies: 'Every service has a well-formed Sentry DSN in its variables; that a test event from production arrives needs a person to confirm.',
  how:
    'For each service view of the env sources: a *SENTRY_DSN variable (SENTRY_DSN, NEXT_PUBLIC_SENTRY_DSN, VITE_SENTRY_DSN, …) must be shaped ' +
    'https://<32 hex public key>@o<org>.ingest[.us|.de].sentry.io/<project id> or a self-hosted URL of that shape. Fail: missing, empty or malformed. ' +
    'Warn: plain http, or the deprecated secret key in the DSN. Otherwise manual: the DSN is right, but only an event seen in Sentry proves errors arrive.',
  attestation: 'Links to the Sentry projects for api, dashboard and widget and to a test error sent from production (e.g. a guarded /debug-sentry route) showing environment=production, the release tag and a readable, source-mapped stack trace.',
  remediation: 'Install @sentry/node in the API and @sentry/react/@sentry/browser in the dashboard and widget, set SENTRY_DSN (the public DSN from Project Settings → Client Keys), environment and release, upload source maps in CI with sentry-cli, and trigger a test error.',
  async run(ctx) {
    return perEnvView(ctx, (view) => judgeView(view, ctx.options));
  },
});

function judgeView(view: EnvView, opts: Options): CheckOutcome {
  if (opts.services && view.service !== undefined && !opts.services.includes(view.service)) {
    return outcome('skip', 'not in options.services');
  }
  const names = [...view.values.keys()].filter((name) => DSN_NAME.test(name));
  const empty = [...view.empty].filter((name) => DSN_NAME.test(name));
  if (names.length === 0) {
    return outcome('fail', empty.length > 0 ? `${empty.join(', ')} is empty` : 'no SENTRY_DSN among its variables', {
      evidence: { lookedFor: '*SENTRY_DSN' },
    });
  }
  const judged = names.map((name) => ({ name, result: judgeSentryDsn(view.values.get(name) ?? '') }));
  const evidence = {
    dsns: judged.map(({ name, result }) => (result.ok ? { variable: name, ...result.facts, ...(result.caveat ? { caveat: result.caveat } : {}) } : { variable: name, problem: result.problem })),
  };
  const bad = judged.filter((j) => !j.result.ok);
  if (bad.length > 0) return outcome('fail', bad.map(({ name, result }) => `${name} ${'problem' in result ? result.problem : ''}`).join('; '), { evidence });
  const caveats = judged.flatMap(({ name, result }) => (result.ok && result.caveat ? [`${name} ${result.caveat}`] : []));
  if (caveats.length > 0) return outcome('warn', caveats.join('; '), { evidence });
  const where = judged.map(({ name, result }) => (result.ok ? `${name} → ${result.facts.host}, project ${result.facts.projectId}` : name)).join('; ');
  return outcome('manual', `DSN well formed (${where}); confirm a test event from production reached Sentry`, { evidence });
}
