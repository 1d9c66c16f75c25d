import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'cost.s3-budget-alerts',
  section: 'cost',
  item: 'AWS S3 costs estimated and budget alerts set',
  severity: 'low',
  verifies: 'There is a written estimate of S3 storage, request and transfer costs, and AWS Budgets alerts before actual spend exceeds it.',
  attestation: 'The cost estimate (AWS Pricing Calculator link or sheet with GB stored, requests and egress per month) and a screenshot of the AWS Budget for S3 showing the amount, alert thresholds (e.g. 80% and 100%) and recipients.',
  remediation: 'Estimate storage and egress with the AWS Pricing Calculator, create a cost budget in AWS Budgets filtered to S3 with email/SNS alerts, and add lifecycle rules to expire temporary uploads.',
});
