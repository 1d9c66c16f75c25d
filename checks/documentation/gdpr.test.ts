import { documentFixtureTests } from '../../test/helpers/document-fixtures.js';
import check from './gdpr.js';

documentFixtureTests(check, {
  passes: 'docs/gdpr.md',
  fails: /^docs\/privacy\.md: .*to be written on line 3.*missing personal data processed .*; retention .*nothing under subprocessors \("Subprocessors", line 5\)/,
});
