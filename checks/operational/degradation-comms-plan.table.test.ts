import { readFileSync } from 'node:fs';
import { documentRows } from '../../test/helpers/document-fixtures.js';
import { repoTable } from '../../test/helpers/repo-table.js';
import check from './degradation-comms-plan.js';

const COMPLETE = readFileSync('fixtures/repos/well-kept/docs/runbooks/status-updates.md', 'utf8');

repoTable(check, [
  ...documentRows({
    complete: COMPLETE,
    at: 'docs/runbooks/communication-plan.md',
    unnamed: 'docs/runbooks/merchants.md',
    withoutOne: { text: COMPLETE.replace('## Update cadence', '## Afterwards'), missing: /^docs\/runbooks\/communication-plan\.md: headings: missing update cadence \(a heading naming "cadence", "frequen", "update"\)$/ },
    passes: /a complete degradation communication plan, \d+ words with a section for each of channels, message templates, owner and approval, update cadence$/,
  }),
]);
