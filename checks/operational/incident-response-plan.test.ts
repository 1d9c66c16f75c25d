import { documentFixtureTests } from '../../test/helpers/document-fixtures.js';
import check from './incident-response-plan.js';

documentFixtureTests(check, {
  passes: 'docs/runbooks/incident-response.md',
  fails: /^docs\/INCIDENT_RESPONSE\.md: .*TODO on line 3, TBD on line 7.*missing roles .*; response steps .*; communication .*; post-mortem/,
});
