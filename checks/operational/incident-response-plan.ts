import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'operational.incident-response-plan',
  section: 'operational',
  item: 'Incident response plan documented',
  severity: 'high',
  verifies: 'A written plan says who declares an incident, who leads it, how customers are told and how it is closed with a post-mortem.',
  attestation: 'Link to the incident response document (wiki/Notion/repo path) with the date it was last reviewed, naming the incident commander role and the customer-communication step.',
  remediation: 'Write a one-page incident response runbook: severity levels, incident commander, communication channels, status-page updates, post-mortem template. Link it from the README of the ops repo.',
});
