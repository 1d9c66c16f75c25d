import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'cost.railway-plan',
  section: 'cost',
  item: 'Railway plan selected (Developer Plan recommended: $20/month)',
  severity: 'low',
  verifies: 'The Railway workspace hosting production is on a paid plan that fits production use, not a trial or limits that could stop services.',
  attestation: 'Screenshot of the Railway workspace billing page showing the plan name, monthly base price and included usage, and the payment method on file (card owner, last four digits), with the date.',
  remediation: "Upgrade the workspace in Railway's plan settings, add a company card, and make sure the production project lives in that workspace.",
});
