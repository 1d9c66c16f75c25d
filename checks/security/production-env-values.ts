import { defineManualCheck } from '../../src/core/check.js';

export default defineManualCheck({
  id: 'security.production-env-values',
  section: 'security',
  item: 'All environment variables use production values (not dev/test)',
  severity: 'critical',
  verifies: 'Every production service on Railway (api, dashboard, widget) runs with production values only: no localhost URLs, test or sandbox keys, or development database hosts.',
  attestation: 'Per-service list of variable names from the Railway production environment (`railway variables --service api --environment production --kv`, values redacted) annotated to show DATABASE_URL is the prod Postgres, Shopify/Gemini/AWS keys are live keys, and no value contains localhost, test or sandbox.',
  remediation: 'Diff production variables against .env.example and staging, replace every localhost/test/sandbox value in Railway > service > Variables (use shared variables for common ones), redeploy each service and recheck.',
});
