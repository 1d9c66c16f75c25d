import { documentFixtureTests } from '../../test/helpers/document-fixtures.js';
import check from './escalation-procedures.js';

documentFixtureTests(check, {
  passes: 'docs/runbooks/escalation.md',
  fails: /^no escalation procedure in the repository \(looked for Markdown files named escalat\*/,
});
