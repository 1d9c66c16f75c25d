import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'launch-at.widget-loading',
  section: 'launch-at',
  item: 'Verify widget loading on test merchant site',
  severity: 'medium',
  verifies: 'The production widget loads and renders on the test merchant store after launch, with no console errors.',
  attestation: "Timestamped screenshot of the widget rendering on the test merchant store's product page, plus the browser Network tab showing widget.js and its API calls returning 200 and a console free of errors.",
  remediation: "Check the widget service's /health, the script URL and CDN cache, CORS for the store's origin and the store's CSP; roll back the widget deployment if a release broke it.",
});
