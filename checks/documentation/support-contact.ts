import { defineManualCheck } from '../../src/core/check.js';

export default defineManualCheck({
  id: 'documentation.support-contact',
  section: 'documentation',
  item: 'Support contact information visible',
  severity: 'medium',
  verifies: 'Merchants can see how to get help (email, chat or form) from the dashboard, the website and the app listing.',
  attestation: 'Screenshots of the support contact in the dashboard (e.g. Help menu), the website footer and the Shopify App Store listing, with the support address, plus a test message that arrived in the support inbox.',
  remediation: 'Add a Help link with support email or chat to the dashboard header and site footer, set the support contact in the Shopify listing, and send a test message.',
});
