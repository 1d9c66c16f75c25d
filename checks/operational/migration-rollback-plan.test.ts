import { documentFixtureTests } from '../../test/helpers/document-fixtures.js';
import check from './migration-rollback-plan.js';

documentFixtureTests(check, {
  passes: 'docs/runbooks/migration-rollback.md',
  fails: /^docs\/migrations\.md: content: a stub: 10 words .*missing backup before migrating .*; compatibility or forward fix/,
});
