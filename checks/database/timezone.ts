import { z } from 'zod';
import { defineCheck } from '../../src/kit/check.js';
import { withDatabase } from '../../src/kit/database.js';
import { judgeTimezone } from '../../src/rules/database-timezone.js';

const options = z.strictObject({
  expected: z.string().min(1).optional().describe('The time zone the database must use (default: UTC recommended, any UTC alias passes)'),
});

export default defineCheck<z.infer<typeof options>>({
  id: 'database.timezone',
  section: 'database',
  item: 'Database timezone set correctly (UTC recommended)',
  severity: 'high',
  automation: 'automated',
  needs: ['database'],
  options,
  verifies: "The database's TimeZone is UTC (or the configured zone) for the application's sessions, so now() defaults and reports do not shift with server location.",
  how:
    'SHOW TimeZone in the read-only session (with its pg_settings source) and ALTER DATABASE / ALTER ROLE overrides of timezone in pg_db_role_setting. Pass: UTC or an alias ' +
    '(Etc/UTC, UCT, Zulu, GMT…), or exactly options.expected. Fail: another zone when options.expected is set, or when `timestamp without time zone` columns default ' +
    'to now() (they then store local time, which Prisma reads back as UTC). Warn: another zone otherwise (UTC recommended).',
  remediation:
    "Run `ALTER DATABASE <db> SET timezone TO 'UTC';`, set TZ=UTC on all services, use `@db.Timestamptz(6)` for DateTime fields in schema.prisma, and migrate.",
  async run(ctx) {
    return withDatabase(ctx, async (probe) => {
      const [current, defaults] = await Promise.all([probe.settings(), probe.localTimestampDefaults()]);
      return judgeTimezone(current, defaults, ctx.options.expected !== undefined ? { expected: ctx.options.expected } : {});
    });
  },
});
