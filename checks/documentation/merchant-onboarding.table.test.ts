import { readFileSync } from 'node:fs';
import { documentRows } from '../../test/helpers/document-fixtures.js';
import { repoTable } from '../../test/helpers/repo-table.js';
import check from './merchant-onboarding.js';

const COMPLETE = readFileSync('fixtures/repos/well-kept/docs/merchant-onboarding.md', 'utf8');

repoTable(check, [
  ...documentRows({
    complete: COMPLETE,
    at: 'docs/merchant-onboarding.md',
    unnamed: 'docs/merchants.md',
    withoutOne: { text: COMPLETE.replace('## Grant permissions', '## Next'), missing: /^docs\/merchant-onboarding\.md: headings: missing permissions granted \(a heading naming "scope", "permission", "authori"\)$/ },
    passes: /a complete merchant onboarding guide, \d+ words with a section for each of install or sign-up, permissions granted, setup and configuration, going live$/,
  }),
]);
