import { z } from 'zod';
import { defineCheck } from '../../src/kit/check.js';
import { outcome } from '../../src/core/outcome.js';
import { withDatabase } from '../../src/kit/database.js';
import { statementOptions } from '../../src/kit/statement-options.js';
import { usableConnections } from '../../src/rules/database-pooling.js';
import {
  describeStatement,
  HOW_TO_ENABLE_STATEMENTS,
  judgedDescription,
  slowStatements,
} from '../../src/rules/database-statements.js';

const options = statementOptions;

export default defineCheck<z.infer<typeof options>>({
  id: 'launch-after-24h.database-performance',
  section: 'launch-after-24h',
  item: 'Review database performance',
  severity: 'low',
  automation: 'partial',
  needs: ['database'],
  options,
  verifies: 'Database behaviour over the first 24 hours has been reviewed: slow queries, connection usage and storage growth.',
  how:
    'Gathers what the review needs in one read-only pass: the top statements by total time from pg_stat_statements (with calls, mean and max), connections in use ' +
    'against the usable ones, and the database size. Warn: a statement averaging slowMeanMs ms or more among those judged — minCalls+ calls, or the heaviest making up ' +
    'timeSharePercent % of the statement time (minRepeatCalls+ calls each), as in database.query-performance. Otherwise manual: the figures are in ' +
    'the evidence, and a person reviews them (peaks and growth need history the database does not keep).',
  remediation:
    'Add indexes for newly slow queries, adjust pool sizes, and plan storage increases or VACUUM/ANALYZE tuning if growth is faster than expected.',
  attestation:
    'pg_stat_statements top 10 queries by total time over the 24 hours, peak connections vs. max_connections, database size growth (`SELECT pg_size_pretty(pg_database_size(current_database()));`), and follow-up tickets.',
  async run(ctx) {
    return withDatabase(ctx, async (probe) => {
      const [stats, facts, size] = await Promise.all([probe.statementStats(), probe.connections(ctx.environment.database?.appRole), probe.databaseSize()]);
      const { usable } = usableConnections(facts);
      const evidence: Record<string, unknown> = { databaseSize: size.pretty, connections: { inUse: facts.clients, usable, byState: facts.byState } };
      if (!stats.available) {
        return outcome('manual', `review needed; ${stats.detail}, so slow queries cannot be listed (database ${size.pretty}, ${facts.clients} connections now)`, {
          evidence: { ...evidence, statements: stats.reason },
          remediation: HOW_TO_ENABLE_STATEMENTS,
        });
      }
      evidence.topByTotalTime = stats.statements.slice(0, 10).map(describeStatement);
      evidence.statsSince = stats.statsReset ?? 'server start or extension creation';
      const slow = slowStatements(stats.statements, ctx.options);
      if (slow.length > 0) {
        evidence.slow = slow.slice(0, 20).map(describeStatement);
        return outcome('warn', `${slow.length} statement(s) with ${judgedDescription(slow, ctx.options)} average ${ctx.options.slowMeanMs} ms or more (database ${size.pretty})`, {
          evidence,
        });
      }
      return outcome(
        'manual',
        `no slow statement (${ctx.options.minCalls}+ calls, ${ctx.options.slowMeanMs}+ ms mean); database ${size.pretty}, ${facts.clients} of ${usable} connections in use: review the figures in the evidence and attest`,
        { evidence },
      );
    });
  },
});
