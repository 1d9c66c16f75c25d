import { defineCheck } from '../../src/kit/check.js';
import { withDatabase } from '../../src/kit/database.js';
import { judgeForeignKeys } from '../../src/rules/database-foreign-keys.js';

export default defineCheck({
  id: 'database.foreign-keys',
  section: 'database',
  item: 'Foreign key constraints enabled',
  severity: 'high',
  automation: 'automated',
  needs: ['database'],
  verifies: 'Relations are enforced by real, validated and enabled foreign keys, so orphaned rows cannot be written.',
  how:
    'Reads pg_constraint, pg_trigger, pg_attribute, pg_settings and pg_db_role_setting. Fail: a foreign key left NOT VALID, a foreign key whose enforcement triggers are ' +
    'disabled (DISABLE TRIGGER ALL), or session_replication_role other than origin for this session or set for a role or the database (foreign keys are not ' +
    'enforced then). Warn: columns named <x>_id / <x>Id / <x>ID with no foreign key while a table named <x> (or its plural) exists — relations kept only in ' +
    'Prisma (relationMode = "prisma") — or no foreign key at all across several tables.',
  remediation:
    'Remove `relationMode = "prisma"` if present, declare @relation fields with explicit onDelete behaviour, delete or fix orphaned rows, then generate and deploy the migration that adds the constraints.',
  async run(ctx) {
    return withDatabase(ctx, async (probe) => {
      const [facts, current] = await Promise.all([probe.relations(), probe.settings()]);
      return judgeForeignKeys(facts, current);
    });
  },
});
