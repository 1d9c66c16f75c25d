import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'final.emergency-contacts',
  section: 'final',
  item: 'Emergency contact list prepared',
  severity: 'medium',
  verifies: 'A current list of people and vendors to call during an outage exists and everyone on the team can reach it even when systems are down.',
  attestation: 'Link to the emergency contact list with names, roles, phone numbers and time zones of team members, plus vendor contacts (Railway support, AWS support plan, Shopify Partner support, Google Cloud), reviewed within the last 30 days.',
  remediation: 'Compile the list in the incident runbook and password manager, include phone numbers and backups, verify each number, and pin it in the incident channel.',
});
