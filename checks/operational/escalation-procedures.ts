import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'operational.escalation-procedures',
  section: 'operational',
  item: 'Escalation procedures documented',
  severity: 'medium',
  verifies: 'It is written down how issues move from support to engineering to leadership and to vendors, with contacts and thresholds.',
  attestation: 'Link to the escalation document: severity levels and when to escalate, the chain (support, on-call engineer, tech lead, founders) with contacts, vendor support links and account ids (Railway, AWS, Shopify Partners, Google Cloud), and the last review date.',
  remediation: 'Write a one-page escalation matrix by severity with names, phone numbers and response times, add vendor support contacts, and link it from the incident runbook.',
});
