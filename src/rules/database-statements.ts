import { outcome } from '../core/outcome.js';
import type { CheckOutcome } from '../core/types.js';
import type { StatementStat, StatementStatsFacts } from '../probes/postgres-catalog.js';

export interface SlowStatementOptions {
  /** Statements called this often are always judged. */
  minCalls: number;
  /** A mean execution time at or above this many milliseconds is slow. */
  slowMeanMs: number;
  /**
   * The heaviest statements that together make up this percent of the statement time are judged too, however
   * few their calls: a report query run 50 times matters more than 500 health-check SELECT 1s.
   */
  timeSharePercent?: number;
  /** Statements run fewer times are never judged (one slow admin query is not a performance problem). */
  minRepeatCalls?: number;
}

export const DEFAULT_TIME_SHARE_PERCENT = 80;
export const DEFAULT_MIN_REPEAT_CALLS = 5;

export const HOW_TO_ENABLE_STATEMENTS =
  "Enable pg_stat_statements: add it to shared_preload_libraries (Railway: set the Postgres service's start command or use a template with it; " +
  'managed services: a parameter group / flag), restart, then run CREATE EXTENSION pg_stat_statements; in the application database.';

const TEXT_CAP = 300;

export function describeStatement(s: StatementStat): { query: string; calls: number; meanMs: number; maxMs: number; totalMs: number } {
  const text = s.query === null ? '(text hidden: grant pg_read_all_stats to see it)' : s.query.replace(/\s+/g, ' ').trim();
  return {
    query: text.length > TEXT_CAP ? `${text.slice(0, TEXT_CAP)}…` : text,
    calls: s.calls,
    meanMs: round(s.meanMs),
    maxMs: round(s.maxMs),
    totalMs: round(s.totalMs),
  };
}

/**
 * The statements that matter: those with minCalls+ calls, and the heaviest by total time that together make up
 * timeSharePercent of all the statement time read (each with minRepeatCalls+ calls). Judging by calls alone let
 * hundreds of cheap health checks stand for the load while the slow report query went unjudged.
 */
export function judgedStatements(statements: readonly StatementStat[], options: SlowStatementOptions): StatementStat[] {
  const share = options.timeSharePercent ?? DEFAULT_TIME_SHARE_PERCENT;
  const repeat = options.minRepeatCalls ?? DEFAULT_MIN_REPEAT_CALLS;
  const total = statements.reduce((sum, s) => sum + Math.max(0, s.totalMs), 0);
  const heavy = new Set<StatementStat>();
  let covered = 0;
  for (const s of [...statements].sort((a, b) => b.totalMs - a.totalMs)) {
    if (total <= 0 || covered >= (total * share) / 100) break;
    covered += Math.max(0, s.totalMs);
    if (s.calls >= repeat) heavy.add(s);
  }
  return statements.filter((s) => s.calls >= options.minCalls || heavy.has(s));
}

export function slowStatements(statements: readonly StatementStat[], options: SlowStatementOptions): StatementStat[] {
  return judgedStatements(statements, options)
    .filter((s) => s.meanMs >= options.slowMeanMs)
    .sort((a, b) => b.meanMs - a.meanMs);
}

/**
 * Which statements a message speaks of: "100+ calls" when each of them has that many, else "100+ calls or in the
 * top 80% of statement time".
 */
export function judgedDescription(statements: readonly StatementStat[], options: SlowStatementOptions): string {
  if (statements.every((s) => s.calls >= options.minCalls)) return `${options.minCalls}+ calls`;
  return `${options.minCalls}+ calls or in the top ${options.timeSharePercent ?? DEFAULT_TIME_SHARE_PERCENT}% of statement time`;
}

/**
 * The statements that matter (judgedStatements: by calls, or by their share of the total time) with a mean of
 * slowMeanMs or more warn, each with its normalised text and share. Without pg_stat_statements the line is manual (how to enable it is the remediation); with too little
 * traffic recorded to judge, it is manual too — never a pass on no evidence.
 */
export function judgeStatements(facts: StatementStatsFacts, options: SlowStatementOptions): CheckOutcome {
  if (!facts.available) {
    if (facts.reason === 'not-readable') {
      return outcome('error', `cannot read pg_stat_statements: ${facts.detail}`, {
        evidence: { reason: facts.reason },
        remediation: 'GRANT pg_read_all_stats TO <role>; (see docs/database.md, "Minimal grants").',
      });
    }
    return outcome('manual', `${facts.detail}, so query times cannot be read; attest the load-test results instead`, {
      evidence: { reason: facts.reason },
      remediation: HOW_TO_ENABLE_STATEMENTS,
    });
  }
  const judged = judgedStatements(facts.statements, options);
  const slow = slowStatements(facts.statements, options);
  const totalMs = facts.statements.reduce((sum, s) => sum + Math.max(0, s.totalMs), 0);
  const withShare = (s: StatementStat) => ({ ...describeStatement(s), sharePercent: totalMs > 0 ? Math.round((1000 * s.totalMs) / totalMs) / 10 : 0 });
  const evidence = {
    statsSince: facts.statsReset ?? 'server start or extension creation',
    statementsRead: facts.statements.length,
    statementsJudged: judged.length,
    thresholds: { ...options, timeSharePercent: options.timeSharePercent ?? DEFAULT_TIME_SHARE_PERCENT, minRepeatCalls: options.minRepeatCalls ?? DEFAULT_MIN_REPEAT_CALLS },
    slow: slow.slice(0, 20).map(withShare),
    top: facts.statements.slice(0, 5).map(withShare),
  };
  if (slow.length > 0) {
    const worst = withShare(slow[0]!);
    return outcome(
      'warn',
      `${slow.length} statement(s) with ${judgedDescription(slow, options)} average ${options.slowMeanMs} ms or more; slowest ${worst.meanMs} ms over ${worst.calls} calls${worst.calls >= options.minCalls ? '' : ` (${worst.sharePercent}% of statement time)`}: ${worst.query}`,
      {
        evidence,
        remediation:
          'EXPLAIN (ANALYZE, BUFFERS) each slow statement on production-sized data; add the missing indexes, narrow Prisma select/include, paginate, then reset the statistics (SELECT pg_stat_statements_reset()) and measure again under load.',
      },
    );
  }
  if (judged.length === 0) {
    return outcome('manual', `no statement has ${options.minCalls}+ calls yet (statistics since ${evidence.statsSince}): too little traffic to judge; attest the load-test results`, {
      evidence,
    });
  }
  return outcome('pass', `none of ${judged.length} statement(s) with ${judgedDescription(judged, options)} averages ${options.slowMeanMs} ms or more (statistics since ${evidence.statsSince})`, {
    evidence,
  });
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
