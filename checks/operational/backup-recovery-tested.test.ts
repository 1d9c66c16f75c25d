import { documentFixtureTests } from '../../test/helpers/document-fixtures.js';
import check from './backup-recovery-tested.js';

documentFixtureTests(check, {
  passes: 'docs/runbooks/backup-restore.md',
  fails: /^runbooks\/backup\.md: headings: missing recovery targets \(a heading naming "rto", "rpo", "objective"\)$/,
  options: { maxAgeDays: 100_000 },
});
