import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'deployment.rollback-tested',
  section: 'deployment',
  item: 'Deployment rollback tested',
  severity: 'high',
  verifies: 'The team has rolled a service back to a previous deployment, confirmed it came back healthy, and knows how long that takes.',
  attestation: 'A dated rollback-drill record: environment and service, the command or Railway Deployments-tab action used, deployment ids before and after, time until /health returned 200, and how database migrations were kept compatible.',
  remediation: "On staging, deploy a trivial change, roll back from Railway's Deployments tab (or CLI), time it and check /health, then write the steps and the expand/contract migration rule into the runbook.",
});
