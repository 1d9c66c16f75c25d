import { describe, expect, it } from 'vitest';
import type { BudgetFacts } from '../probes/aws.js';
import { budgetCoverage, expressionCoverage } from './budget-coverage.js';

const S3 = { Dimensions: { Key: 'SERVICE', Values: ['Amazon Simple Storage Service'] } };
const EC2 = { Dimensions: { Key: 'SERVICE', Values: ['Amazon Elastic Compute Cloud - Compute'] } };
const REGION = { Dimensions: { Key: 'REGION', Values: ['us-east-1'] } };
const TAG = { Tags: { Key: 'team', Values: ['shop'] } };

describe('expressionCoverage', () => {
  it.each([
    ['SERVICE S3', S3, 'full'],
    ['SERVICE_CODE AmazonS3', { Dimensions: { Key: 'SERVICE_CODE', Values: ['AmazonS3'] } }, 'full'],
    ['SERVICE EC2', EC2, 'none'],
    ['S3 or EC2', { Or: [S3, EC2] }, 'full'],
    ['S3 and a region', { And: [S3, REGION] }, 'partial'],
    ['EC2 and a region', { And: [EC2, REGION] }, 'none'],
    ['a region only', REGION, 'partial'],
    ['a tag only', TAG, 'partial'],
    ['not S3', { Not: S3 }, 'none'],
    ['not EC2', { Not: EC2 }, 'full'],
    ['not a region', { Not: REGION }, 'partial'],
    ['empty expression', {}, 'full'],
  ] as const)('%s → %s', (_label, expression, coverage) => expect(expressionCoverage(expression)).toBe(coverage));
});

describe('budgetCoverage', () => {
  const budget = (extra: Partial<BudgetFacts>): BudgetFacts => ({ name: 'b', type: 'COST', limit: null, timeUnit: 'MONTHLY', costFilters: null, filterExpression: null, notifications: [], refused: null, ...extra });
  it.each([
    ['no filter: the whole account', budget({}), 'full'],
    ['Service S3', budget({ costFilters: { Service: ['Amazon Simple Storage Service'] } }), 'full'],
    ['Service S3 and EC2', budget({ costFilters: { Service: ['Amazon Elastic Compute Cloud - Compute', 'Amazon Simple Storage Service'] } }), 'full'],
    ['Service EC2', budget({ costFilters: { Service: ['Amazon Elastic Compute Cloud - Compute'] } }), 'none'],
    ['Service S3 in one region', budget({ costFilters: { Service: ['Amazon Simple Storage Service'], Region: ['us-east-1'] } }), 'partial'],
    ['a linked account only', budget({ costFilters: { LinkedAccount: ['111122223333'] } }), 'partial'],
    ['the filter expression wins over CostFilters', budget({ costFilters: { Service: ['Amazon Simple Storage Service'] }, filterExpression: EC2 }), 'none'],
  ] as const)('%s → %s', (_label, facts, coverage) => expect(budgetCoverage(facts)).toBe(coverage));
});
