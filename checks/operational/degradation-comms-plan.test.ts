import { documentFixtureTests } from '../../test/helpers/document-fixtures.js';
import check from './degradation-comms-plan.js';

documentFixtureTests(check, {
  passes: 'docs/runbooks/status-updates.md',
  fails: /^no degradation communication plan in the repository/,
});
