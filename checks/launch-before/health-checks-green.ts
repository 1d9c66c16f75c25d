import { defineCheck } from '../../src/kit/check.js';
import { verifyHealthEndpoints } from '../../src/kit/health.js';
import healthChecks from '../deployment/health-checks.js';

/** The launch-hour re-run of the Deployment health line: same probe (shared in the run), same rules. */
export default defineCheck<{ maxResponseMs: number }>({
  id: 'launch-before.health-checks-green',
  section: 'launch-before',
  item: 'Verify all health checks green',
  severity: 'high',
  automation: 'automated',
  needs: ['services'],
  options: healthChecks.options,
  verifies: 'In the hour before launch, every service health endpoint is green: 200 OK within the limit, not reporting itself down.',
  how: `${healthChecks.how} Run it again in the last hour (readiness check prod --section launch-before); the verdict is as of the run.`,
  remediation: healthChecks.remediation,
  async run(ctx) {
    return verifyHealthEndpoints(ctx, 'all health checks green');
  },
});
