import { documentFixtureTests } from '../../test/helpers/document-fixtures.js';
import check from './rollback-tested.js';

documentFixtureTests(check, {
  passes: 'docs/runbooks/deploy-rollback.md',
  fails: /^no deployment rollback runbook in the repository/,
  options: { maxAgeDays: 100_000 },
});
