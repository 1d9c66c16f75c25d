import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'documentation.widget-guide',
  section: 'documentation',
  item: 'Widget integration guide available',
  severity: 'medium',
  verifies: 'Merchants can find a guide that shows how to install and configure the widget, including the exact embed snippet.',
  attestation: 'Link to the public widget integration guide showing the embed snippet with the production script URL, Shopify theme-editor steps, configuration options and troubleshooting, plus a note that someone followed it successfully on a fresh store.',
  remediation: 'Write the guide with a copy-paste snippet, theme-editor steps with screenshots and common issues (CSP, caching), publish it on the help site and link it from the dashboard.',
});
