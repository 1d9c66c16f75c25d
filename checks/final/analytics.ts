import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'final.analytics',
  section: 'final',
  item: 'Analytics tracking verified',
  severity: 'medium',
  verifies: 'Product analytics (install funnel, dashboard usage, widget impressions, conversions) record production events correctly and exclude test and staging traffic.',
  attestation: 'Screenshot of the analytics tool (PostHog, GA4, Mixpanel) showing live production events for key actions (app installed, widget viewed, conversion), a test event traced from the dashboard to the report, and the filter excluding internal/staging traffic.',
  remediation: 'Install the analytics SDK with a production-only key, define the key events, verify them in the live/debug view, and filter out internal users and staging hosts.',
});
