import { documentFixtureTests } from '../../test/helpers/document-fixtures.js';
import check from './merchant-onboarding.js';

documentFixtureTests(check, {
  passes: 'docs/merchant-onboarding.md',
  fails: /^no merchant onboarding guide in the repository \(looked for Markdown files named onboard\* in the root, docs\//,
});
