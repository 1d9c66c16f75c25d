import type { AwsClients, AwsRefusal } from './aws-clients.js';

/** Budgets read per account, and notifications per budget: bounded, and far above what one account keeps. */
export const MAX_BUDGETS = 50;
export const MAX_NOTIFICATIONS = 10;

export interface BudgetSubscriber {
  /** EMAIL or SNS. */
  type: string;
  /** The address with its local part masked (j…@example.com) or an SNS topic's name: enough to recognise, not to harvest. */
  address: string;
}

export interface BudgetNotification {
  /** ACTUAL or FORECASTED. */
  type: string;
  comparison: string;
  threshold: number;
  thresholdType: string;
  subscribers: BudgetSubscriber[];
  /** DescribeSubscribersForNotification was refused. */
  refused: AwsRefusal | null;
}

export interface BudgetFacts {
  name: string;
  /** COST, USAGE, RI_UTILIZATION, … */
  type: string;
  limit: { amount: string; unit: string } | null;
  timeUnit: string | null;
  /** The legacy filter map, e.g. { Service: ["Amazon Simple Storage Service"] }; null: none. */
  costFilters: Record<string, string[]> | null;
  /** The newer filter expression (And/Or/Not of Dimensions, Tags, CostCategories); null: none. */
  filterExpression: unknown;
  notifications: BudgetNotification[];
  /** DescribeNotificationsForBudget was refused. */
  refused: AwsRefusal | null;
}

export interface BudgetsObservation {
  account: string;
  /** DescribeBudgets was refused: nothing else is known. */
  refused: AwsRefusal | null;
  budgets: BudgetFacts[];
  truncated: boolean;
}

export function maskAddress(type: string, address: string): string {
  if (type === 'SNS') return address.split(':').at(-1) ?? 'topic';
  const at = address.lastIndexOf('@');
  return at > 0 ? `${address[0]}…${address.slice(at)}` : '…';
}

export async function observeBudgets(clients: AwsClients, account: string): Promise<BudgetsObservation> {
  const budgets = await clients.budgets();
  const sdk = await import('@aws-sdk/client-budgets');
  const where = clients.where('budgets');
  const listed = await clients.read('Budgets', 'budgets:ViewBudget (DescribeBudgets)', where, (abortSignal) =>
    budgets.send(new sdk.DescribeBudgetsCommand({ AccountId: account, MaxResults: MAX_BUDGETS, ShowFilterExpression: true }), { abortSignal }),
  );
  // Budgets answers NotFoundException for an account that has none.
  if (!listed.ok && listed.refusal.code === 'NotFoundException') return { account, refused: null, budgets: [], truncated: false };
  if (!listed.ok) return { account, refused: listed.refusal, budgets: [], truncated: false };
  const found = listed.value.Budgets ?? [];
  const facts = await Promise.all(
    found.slice(0, MAX_BUDGETS).map(async (budget): Promise<BudgetFacts> => {
      const BudgetName = budget.BudgetName ?? '';
      const notifications = await clients.read('Budgets', 'budgets:ViewBudget (DescribeNotificationsForBudget)', where, (abortSignal) =>
        budgets.send(new sdk.DescribeNotificationsForBudgetCommand({ AccountId: account, BudgetName, MaxResults: MAX_NOTIFICATIONS }), { abortSignal }),
      );
      const described = notifications.ok ? (notifications.value.Notifications ?? []).slice(0, MAX_NOTIFICATIONS) : [];
      return {
        name: BudgetName,
        type: budget.BudgetType ?? 'unknown',
        limit: budget.BudgetLimit ? { amount: budget.BudgetLimit.Amount ?? '?', unit: budget.BudgetLimit.Unit ?? '' } : null,
        timeUnit: budget.TimeUnit ?? null,
        costFilters: budget.CostFilters && Object.keys(budget.CostFilters).length > 0 ? budget.CostFilters : null,
        filterExpression: budget.FilterExpression ?? null,
        refused: notifications.ok ? null : notifications.refusal,
        notifications: await Promise.all(
          described.map(async (notification): Promise<BudgetNotification> => {
            const subscribers = await clients.read('Budgets', 'budgets:ViewBudget (DescribeSubscribersForNotification)', where, (abortSignal) =>
              budgets.send(new sdk.DescribeSubscribersForNotificationCommand({ AccountId: account, BudgetName, Notification: notification, MaxResults: 100 }), { abortSignal }),
            );
            return {
              type: notification.NotificationType ?? 'unknown',
              comparison: notification.ComparisonOperator ?? 'unknown',
              threshold: notification.Threshold ?? 0,
              thresholdType: notification.ThresholdType ?? 'PERCENTAGE',
              subscribers: subscribers.ok
                ? (subscribers.value.Subscribers ?? []).map((s) => ({ type: s.SubscriptionType ?? 'unknown', address: maskAddress(s.SubscriptionType ?? '', s.Address ?? '') }))
                : [],
              refused: subscribers.ok ? null : subscribers.refusal,
            };
          }),
        ),
      };
    }),
  );
  return { account, refused: null, budgets: facts, truncated: found.length > MAX_BUDGETS || listed.value.NextToken !== undefined };
}
