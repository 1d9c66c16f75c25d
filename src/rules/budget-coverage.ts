import { outcome } from '../core/outcome.js';
import type { CheckOutcome } from '../core/types.js';
import type { BudgetFacts, BudgetsObservation } from '../probes/aws.js';
import { listNames } from './list-names.js';
import { needs } from './s3-bucket.js';

/*
 * "S3 costs budgeted, with alerts": an AWS Budget of type COST whose filter covers S3 (a Service filter naming it,
 * or no service filter at all, i.e. the whole account) with at least one notification that has a subscriber.
 * A budget narrowed by other dimensions (a region, a tag, a linked account) covers only part of S3's spend.
 */

export type Coverage = 'full' | 'partial' | 'none';

/** How Cost Explorer and Budgets name S3 in Service filters (legacy CostFilters and FilterExpression SERVICE/SERVICE_CODE). */
const S3_NAMES = new Set(['amazon simple storage service', 'amazons3', 's3']);
const SERVICE_KEYS = new Set(['service', 'service_code']);

const namesS3 = (values: readonly unknown[]) => values.some((v) => typeof v === 'string' && S3_NAMES.has(v.toLowerCase()));

/** A Budgets filter expression (the SDK's Expression, read-only). */
export interface Expression {
  readonly And?: readonly Expression[];
  readonly Or?: readonly Expression[];
  readonly Not?: Expression;
  readonly Dimensions?: { readonly Key?: string; readonly Values?: readonly string[]; readonly MatchOptions?: readonly string[] };
  readonly Tags?: unknown;
  readonly CostCategories?: unknown;
}

const rank: Record<Coverage, number> = { none: 0, partial: 1, full: 2 };
const least = (a: Coverage, b: Coverage) => (rank[a] <= rank[b] ? a : b);
const most = (a: Coverage, b: Coverage) => (rank[a] >= rank[b] ? a : b);

/** How much of S3's spend a Budgets filter expression takes in. */
export function expressionCoverage(expression: Expression): Coverage {
  if (expression.And) return expression.And.map(expressionCoverage).reduce(least, 'full');
  if (expression.Or) return expression.Or.map(expressionCoverage).reduce(most, 'none');
  if (expression.Not) {
    const inner = expression.Not;
    const key = inner.Dimensions?.Key?.toLowerCase();
    if (key && SERVICE_KEYS.has(key)) return namesS3(inner.Dimensions?.Values ?? []) ? 'none' : 'full';
    return 'partial';
  }
  if (expression.Dimensions) {
    const key = expression.Dimensions.Key?.toLowerCase() ?? '';
    if (SERVICE_KEYS.has(key)) return namesS3(expression.Dimensions.Values ?? []) ? 'full' : 'none';
    return 'partial';
  }
  if (expression.Tags || expression.CostCategories) return 'partial';
  return 'full';
}

export function budgetCoverage(budget: BudgetFacts): Coverage {
  if (budget.filterExpression && typeof budget.filterExpression === 'object') return expressionCoverage(budget.filterExpression as Expression);
  const filters = budget.costFilters;
  if (!filters) return 'full';
  const entries = Object.entries(filters);
  const service = entries.find(([key]) => SERVICE_KEYS.has(key.toLowerCase()));
  if (service && !namesS3(service[1])) return 'none';
  return entries.some(([key]) => !SERVICE_KEYS.has(key.toLowerCase())) ? 'partial' : 'full';
}

const alerting = (budget: BudgetFacts) => budget.notifications.filter((n) => n.subscribers.length > 0);

function describe(budget: BudgetFacts): string {
  const limit = budget.limit ? ` of ${budget.limit.amount} ${budget.limit.unit}${budget.timeUnit ? ` ${budget.timeUnit.toLowerCase()}` : ''}` : '';
  return `${budget.name}${limit}`;
}

export function judgeBudgets(observation: BudgetsObservation): CheckOutcome {
  const evidence = {
    account: observation.account,
    budgets: observation.budgets.map((b) => ({
      name: b.name,
      type: b.type,
      limit: b.limit,
      coverage: b.type === 'COST' ? budgetCoverage(b) : 'not a cost budget',
      alerts: b.notifications.map((n) => `${n.type} > ${n.threshold}${n.thresholdType === 'PERCENTAGE' ? '%' : ''}: ${n.subscribers.map((s) => `${s.type} ${s.address}`).join(', ') || 'no subscriber'}`),
    })),
  };
  const fix = 'Create a monthly cost budget in AWS Budgets for the account or filtered to Amazon Simple Storage Service, with alerts at 80% (actual) and 100% (forecasted) to an e-mail or SNS subscriber.';
  if (observation.refused) return outcome('error', needs(observation.refused), { evidence, remediation: 'Give the credentials readiness uses budgets:ViewBudget (see the README\'s minimal AWS policy).' });
  const cost = observation.budgets.filter((b) => b.type === 'COST');
  if (cost.length === 0) {
    const others = observation.budgets.length > 0 ? ` (only ${listNames(observation.budgets.map((b) => `${b.name}: ${b.type}`))})` : '';
    return outcome('fail', `no cost budget in account ${observation.account}${others}`, { evidence, remediation: fix });
  }
  const covering = cost.filter((b) => budgetCoverage(b) !== 'none');
  if (covering.length === 0) return outcome('fail', `no cost budget covers S3: ${listNames(cost.map((b) => b.name))} filter other services`, { evidence, remediation: fix });
  const refused = covering.flatMap((b) => [b.refused, ...b.notifications.map((n) => n.refused)]).find((r) => r !== null);
  const full = covering.filter((b) => budgetCoverage(b) === 'full');
  const fullAlerting = full.find((b) => alerting(b).length > 0);
  if (fullAlerting) {
    const alerts = alerting(fullAlerting);
    const subscribers = alerts.reduce((n, a) => n + a.subscribers.length, 0);
    return outcome('pass', `budget ${describe(fullAlerting)} covers S3 with ${alerts.length} alert(s) to ${subscribers} subscriber(s)`, { evidence });
  }
  if (refused) return outcome('error', `budget alerts could not be read: ${needs(refused)}`, { evidence, remediation: 'Give the credentials readiness uses budgets:ViewBudget.' });
  const partialAlerting = covering.find((b) => alerting(b).length > 0);
  if (partialAlerting) {
    return outcome('warn', `budget ${describe(partialAlerting)} alerts, but its filter covers only part of S3's spend (another dimension narrows it)`, { evidence, remediation: fix });
  }
  return outcome('fail', `budget ${describe(covering[0]!)} covers S3 but has no alert with a subscriber: nobody hears when spend runs over`, {
    evidence,
    remediation: 'Add a notification to the budget (e.g. actual > 80%, forecasted > 100%) with an e-mail or SNS subscriber.',
  });
}
