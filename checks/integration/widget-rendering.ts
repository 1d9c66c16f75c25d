import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'integration.widget-rendering',
  section: 'integration',
  item: 'Widget rendering on merchant sites',
  severity: 'medium',
  verifies: "The widget renders on real merchant storefronts across the supported themes without breaking the host page's layout or scripts.",
  attestation: 'Screenshots of the widget rendering on at least three merchant or dev stores using different themes (e.g. Dawn plus two others), the store URLs, and confirmation of no console errors or CSP violations.',
  remediation: 'Isolate the widget in Shadow DOM or an iframe, load the script async, handle stores with strict CSP, and test on the most common themes.',
});
