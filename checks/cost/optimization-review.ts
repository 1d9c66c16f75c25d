import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'cost.optimization-review',
  section: 'cost',
  item: 'Cost optimization reviewed (right-size resources)',
  severity: 'low',
  verifies: "Someone compared each service's allocated resources with actual usage and adjusted sizes, replicas and storage accordingly.",
  attestation: 'A short dated note listing each service (api, dashboard, widget, Postgres, Redis if used) with allocated vs. observed peak CPU/memory from Railway metrics, its monthly cost, and the changes made or deliberately not made.',
  remediation: 'Review 7 days of Railway metrics, lower limits on over-provisioned services, serve the dashboard and widget as static files where possible, put non-production environments to sleep, and delete unused services and volumes.',
});
