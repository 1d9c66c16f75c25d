import { readFileSync } from 'node:fs';
import { documentRows } from '../../test/helpers/document-fixtures.js';
import { repoTable } from '../../test/helpers/repo-table.js';
import check from './escalation-procedures.js';

const COMPLETE = readFileSync('fixtures/repos/well-kept/docs/runbooks/escalation.md', 'utf8');

repoTable(check, [
  ...documentRows({
    complete: COMPLETE,
    at: 'docs/runbooks/escalation.md',
    unnamed: 'ops/support.md',
    withoutOne: { text: COMPLETE.replace('## Vendor support', '## Others'), missing: /^docs\/runbooks\/escalation\.md: headings: missing vendor support \(a heading naming "vendor", "third part", "provider"\)$/ },
    passes: /a complete escalation procedure, \d+ words with a section for each of when to escalate, escalation chain and contacts, vendor support$/,
  }),
]);
