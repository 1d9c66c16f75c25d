import { defineManualCheck } from '../../src/core/check.js';

export default defineManualCheck({
  id: 'security.helmet-headers',
  section: 'security',
  item: 'Helmet security headers configured in API',
  severity: 'high',
  verifies: "The API sends Helmet's security headers (HSTS, X-Content-Type-Options, frame policy, a fitted Content-Security-Policy) and does not advertise X-Powered-By.",
  attestation: '`curl -sI https://api.<domain>/health` output showing Strict-Transport-Security, X-Content-Type-Options: nosniff, Content-Security-Policy and no X-Powered-By, plus the securityheaders.com grade (A or better) for the API and dashboard URLs, dated.',
  remediation: "Add `app.use(helmet())` in the API before any route, tune the CSP for the dashboard's script and API origins, relax frame options only on routes the widget must embed, and rerun securityheaders.com.",
});
