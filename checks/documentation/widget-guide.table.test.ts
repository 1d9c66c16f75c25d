import { readFileSync } from 'node:fs';
import { documentRows } from '../../test/helpers/document-fixtures.js';
import { repoTable } from '../../test/helpers/repo-table.js';
import check from './widget-guide.js';

const COMPLETE = readFileSync('fixtures/repos/well-kept/docs/widget-guide.md', 'utf8');

repoTable(check, [
  ...documentRows({
    complete: COMPLETE,
    at: 'docs/widget-guide.md',
    unnamed: 'docs/storefront.md',
    withoutOne: { text: COMPLETE.replace('## Troubleshooting', '## Notes'), missing: /^docs\/widget-guide\.md: headings: missing troubleshooting \(a heading naming "troubleshoot", "faq", "common issue"\)$/ },
    passes: /a complete widget integration guide, \d+ words with a section for each of installation, configuration, troubleshooting$/,
  }),
  { name: 'no embed snippet to copy', files: { 'docs/widget-guide.md': COMPLETE.replace(/```html[\s\S]*?```/, 'Ask support for the snippet.') }, status: 'fail', message: /^docs\/widget-guide\.md: code: no code block: the embed snippet should be there to copy$/ },
]);
