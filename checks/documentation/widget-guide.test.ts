import { documentFixtureTests } from '../../test/helpers/document-fixtures.js';
import check from './widget-guide.js';

documentFixtureTests(check, {
  passes: 'docs/widget-guide.md',
  fails: /^docs\/widget\.md: content: a stub: 11 words .*coming soon on line 3.*missing installation .*code: no code block/,
});
