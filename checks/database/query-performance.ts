import { z } from 'zod';
import { defineCheck } from '../../src/kit/check.js';
import { withDatabase } from '../../src/kit/database.js';
import { statementOptions } from '../../src/kit/statement-options.js';
import { judgeStatements } from '../../src/rules/database-statements.js';

const options = statementOptions;

export default defineCheck<z.infer<typeof options>>({
  id: 'database.query-performance',
  section: 'database',
  item: 'Query performance tested under load',
  severity: 'high',
  automation: 'partial',
  needs: ['database'],
  options,
  verifies: 'Under real load the application\'s queries stay fast: none of the frequently run statements is slow on average.',
  how:
    'Reads pg_stat_statements for this database (data statements only: SELECT/INSERT/UPDATE/DELETE/WITH/MERGE, whose constants are normalised away). The statements ' +
    'judged are those with minCalls+ calls and the heaviest by total time that together make up timeSharePercent (80) % of all statement time (each run at least ' +
    'minRepeatCalls (5) times) — so 500 cheap SELECT 1 health checks cannot stand for the load while a slow report query goes unjudged. Warn: a judged statement ' +
    'with a mean of slowMeanMs ms or more, with its normalised text and share of the time. Pass: judged statements exist and none is slow. Manual: the ' +
    'extension is missing or not loaded (the remediation says how to enable it), or no statement qualifies yet — a load test must then be attested.',
  remediation:
    'Enable pg_stat_statements, rerun the k6 load test on a production-sized copy, fix the slowest queries (indexes, narrower Prisma select/include, pagination instead of findMany on whole tables) and retest until within target.',
  attestation:
    'Load-test results against staging with production-sized data: the peak request rate tested, pg_stat_statements top 10 queries by total time with mean and max times, and each query above the agreed threshold with the fix applied.',
  async run(ctx) {
    return withDatabase(ctx, async (probe) => judgeStatements(await probe.statementStats(), ctx.options));
  },
});
