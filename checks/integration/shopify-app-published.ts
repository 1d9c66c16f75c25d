import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'integration.shopify-app-published',
  section: 'integration',
  item: 'Shopify app approved and published (if using)',
  severity: 'low',
  verifies: "If distributed through Shopify, the app passed Shopify's review and is published (listed or unlisted) with production URLs.",
  attestation: "Screenshot of the Shopify Partners dashboard showing the app's distribution status (published/approved), the App URL and allowed redirection URLs pointing at production, and the App Store listing link; or a note that Shopify distribution is not used.",
  remediation: 'Submit the app for review in the Partner dashboard with production URLs, privacy policy and the mandatory compliance webhooks, address reviewer feedback, and publish.',
});
