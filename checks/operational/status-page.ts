import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'operational.status-page',
  section: 'operational',
  item: 'Status page set up (statuspage.io, etc.)',
  severity: 'medium',
  verifies: 'A public status page lists the components (API, dashboard, widget, Shopify sync), is linked from the product, and on-call can update it.',
  attestation: 'URL of the status page (Atlassian Statuspage, Better Stack, Instatus) showing components API, Dashboard, Widget and Shopify sync, a test incident posted and resolved (or monitors wired to components), and where it is linked.',
  remediation: 'Create a status page with a component per service, wire the uptime monitors to them, give on-call access, and link it from the dashboard footer and help centre.',
});
