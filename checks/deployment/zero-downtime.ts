import { z } from 'zod';
import { judged, verdictOf, type Judgement } from '../../src/core/outcome.js';
import { isProbeError } from '../../src/core/errors.js';
import { defineCheck } from '../../src/kit/check.js';
import { serviceUrl } from '../../src/kit/per-service.js';
import { perRailwayConfig } from '../../src/kit/railway-config.js';
import { httpProbe } from '../../src/probes/http.js';
import { healthcheckPathOf, judgeZeroDowntimeConfig } from '../../src/rules/railway-config.js';

const options = z.strictObject({});

const ATTESTATION =
  'Output of a continuous probe during a production-like deploy (a k6 run or a curl loop hitting /health and a read endpoint every 200 ms) showing zero non-200 responses, with the deployment id and timestamps.';

export default defineCheck<z.infer<typeof options>>({
  id: 'deployment.zero-downtime',
  section: 'deployment',
  item: 'Zero-downtime deployment verified',
  severity: 'high',
  automation: 'partial',
  needs: ['repo'],
  options,
  verifies:
    "Railway can switch traffic without downtime: each service's config as code sets a healthcheck path that the live service answers 200 on and a healthcheck timeout, and its overlap/draining seconds are sane where set.",
  how:
    "Reads railway.json, else railway.toml, in each service's `services.<name>.repoPath` (default: the repository root) with `environments.<environment>.deploy` laid over `deploy`; " +
    'requires `healthcheckPath` (fail when unset) and `healthcheckTimeout` (warn when unset), judges `overlapSeconds` / `drainingSeconds` where set (draining 0 warns), ' +
    "and GETs the healthcheck path on the service's URL without following redirects: anything but 200 fails. Without a service URL the live part is manual. " +
    'A deploy under load is not observed: attest it. A folder without a Railway config is manual.',
  attestation: ATTESTATION,
  remediation:
    'Set the Railway healthcheck path and timeout, tune overlapSeconds and drainingSeconds (or RAILWAY_DEPLOYMENT_OVERLAP_SECONDS / RAILWAY_DEPLOYMENT_DRAINING_SECONDS), close the HTTP server gracefully on SIGTERM, and keep migrations backwards-compatible.',
  async run(ctx) {
    const http = ctx.probe(httpProbe);
    return perRailwayConfig(
      ctx,
      async (config, target) => {
        const judgements: Judgement[] = judgeZeroDowntimeConfig(config.deploy);
        const path = healthcheckPathOf(config.deploy);
        if (path !== undefined) {
          if (!target.service) {
            judgements.push(judged('live healthcheck', 'manual', `no service URL configured to call ${path} on: ${ATTESTATION}`));
          } else {
            const url = serviceUrl(target.service, path);
            try {
              const response = await http.fetch({ url, followRedirects: false });
              judgements.push(
                response.status === 200
                  ? judged('live healthcheck', 'pass', `${url} answered 200`)
                  : judged('live healthcheck', 'fail', `${url} answered ${response.status}: Railway would never switch traffic to this deployment`, `Make ${path} answer 200 when the service is ready, or point deploy.healthcheckPath at the route that does.`),
              );
            } catch (error) {
              if (!isProbeError(error)) throw error;
              judgements.push(judged('live healthcheck', 'error', `${url} could not be reached (${error.code}): ${error.message}`));
            }
          }
        }
        return verdictOf(judgements, `${config.file}: healthcheck ${path ?? ''} answered 200 and the deploy settings allow an overlap`);
      },
      'every service has a healthcheck Railway waits for, its live service answers it with 200, and its overlap/draining settings are sane (a deploy under load was not observed)',
    );
  },
});
