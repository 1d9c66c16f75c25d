import { outcome } from '../../src/core/outcome.js';
import { awsFailure } from '../../src/kit/aws.js';
import { defineCheck } from '../../src/kit/check.js';
import { awsProbe } from '../../src/probes/aws.js';
import { needs } from '../../src/rules/s3-bucket.js';
import { judgeBudgets } from '../../src/rules/budget-coverage.js';

const ATTESTATION =
  'The cost estimate (AWS Pricing Calculator link or sheet with GB stored, requests and egress per month) and a screenshot of the AWS Budget for S3 showing the amount, alert thresholds (e.g. 80% and 100%) and recipients.';

export default defineCheck({
  id: 'cost.s3-budget-alerts',
  section: 'cost',
  item: 'AWS S3 costs estimated and budget alerts set',
  severity: 'low',
  automation: 'partial',
  needs: ['aws'],
  verifies: 'There is a written estimate of S3 storage, request and transfer costs, and AWS Budgets alerts before actual spend exceeds it.',
  how:
    'Reads AWS Budgets (DescribeBudgets, DescribeNotificationsForBudget, DescribeSubscribersForNotification; budgets:ViewBudget) of aws.budgets, else of the account the credentials belong to (STS). ' +
    'Pass: a COST budget whose filter covers S3 — a Service filter naming Amazon Simple Storage Service, or no service filter (the whole account), in CostFilters or FilterExpression — with at least one notification that has a subscriber; its limit stands for the estimate. ' +
    'Warn: the only alerting budget is narrowed by another dimension (region, tag, linked account). Fail: no cost budget, none covering S3, or no alert with a subscriber. ' +
    'Error: the Budgets reads were denied. Manual: the account is unknown (S3-compatible storage), since the estimate itself is a document.',
  remediation: 'Estimate storage and egress with the AWS Pricing Calculator, create a cost budget in AWS Budgets filtered to S3 with email/SNS alerts, and add lifecycle rules to expire temporary uploads.',
  attestation: ATTESTATION,
  async run(ctx) {
    const aws = ctx.environment.aws!;
    const probe = ctx.probe(awsProbe);
    try {
      let account = aws.budgets;
      if (!account) {
        const caller = await probe.caller();
        if (!caller) return outcome('manual', `no AWS account to read budgets of (S3-compatible storage without aws.budgets): ${ATTESTATION}`);
        if (!caller.ok) return outcome('error', `cannot tell the account: ${needs(caller.refusal)}; or set aws.budgets to its id`);
        account = caller.value.account;
      }
      const budgets = await probe.budgets(account);
      if (!budgets) return outcome('manual', `AWS Budgets is not asked on S3-compatible storage without aws.endpoints.budgets: ${ATTESTATION}`);
      return judgeBudgets(budgets);
    } catch (error) {
      return awsFailure(error);
    }
  },
});
