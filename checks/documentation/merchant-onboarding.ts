import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'documentation.merchant-onboarding',
  section: 'documentation',
  item: 'Merchant onboarding flow documented',
  severity: 'medium',
  verifies: 'The path from install to a live widget is written down step by step: what the merchant sees and what the system does at each step.',
  attestation: 'Link to the onboarding document or help-centre article listing each step (install, grant scopes, product sync, configure widget, go live) with screenshots, and the date it was last checked against the current dashboard.',
  remediation: 'Walk through onboarding on a fresh dev store, capture each screen and step, publish it in the help centre and internal wiki, and link to it from the dashboard.',
});
