import { outcome } from '../core/outcome.js';
import type { CheckOutcome } from '../core/types.js';
import type { StatementStat, StatementStatsFacts } from '../probes/postgres-catalog.js';

export interface SlowStatementOptions {
  /** Statements called fewer times are not judged (one slow admin query is not a performance problem). */
  minCalls: number;
  /** A mean execution time at or above this many milliseconds is slow. */
  slowMeanMs: number;
}

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

export function slowStatements(statements: readonly StatementStat[], options: SlowStatementOptions): StatementStat[] {
  return statements.filter((s) => s.calls >= options.minCalls && s.meanMs >= options.slowMeanMs).sort((a, b) => b.meanMs - a.meanMs);
}

/**
 * Statements with at least minCalls calls and a mean of slowMeanMs or more warn, each with its normalised
 * text. Without pg_stat_statements the line is manual (how to enable it is the remediation); with too little
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
  const judged = facts.statements.filter((s) => s.calls >= options.minCalls);
  const slow = slowStatements(facts.statements, options);
  const evidence = {
    statsSince: facts.statsReset ?? 'server start or extension creation',
    statementsRead: facts.statements.length,
    statementsJudged: judged.length,
    thresholds: options,
    slow: slow.slice(0, 20).map(describeStatement),
    top: facts.statements.slice(0, 5).map(describeStatement),
  };
  if (slow.length > 0) {
    const worst = describeStatement(slow[0]!);
    return outcome(
      'warn',
      `${slow.length} statement(s) with ${options.minCalls}+ calls average ${options.slowMeanMs} ms or more; slowest ${worst.meanMs} ms over ${worst.calls} calls: ${worst.query}`,
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
  return outcome('pass', `none of ${judged.length} statement(s) with ${options.minCalls}+ calls averages ${options.slowMeanMs} ms or more (statistics since ${evidence.statsSince})`, {
    evidence,
  });
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
