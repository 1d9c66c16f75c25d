import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'testing.widget-sample-site',
  section: 'testing',
  item: 'Widget tested on sample e-commerce site',
  severity: 'medium',
  verifies: 'The embeddable widget was installed on a realistic storefront (e.g. a Shopify development store) and loads, renders and sends events correctly.',
  attestation: 'URL of the sample store (e.g. a Shopify development store) with the widget embedded, a screenshot of it rendering on a product page, and the browser Network tab showing widget.js and its API calls returning 200 with no console errors.',
  remediation: 'Create a Shopify development store (or a static demo shop), add the production embed snippet, fix console, CSP and CORS errors, and keep the store as a permanent smoke-test site.',
});
