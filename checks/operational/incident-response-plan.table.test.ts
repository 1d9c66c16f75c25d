import { readFileSync } from 'node:fs';
import { documentRows } from '../../test/helpers/document-fixtures.js';
import { repoTable } from '../../test/helpers/repo-table.js';
import check from './incident-response-plan.js';

const COMPLETE = readFileSync('fixtures/repos/well-kept/docs/runbooks/incident-response.md', 'utf8');

repoTable(check, [
  ...documentRows({
    complete: COMPLETE,
    at: 'docs/runbooks/incident-response.md',
    unnamed: 'docs/runbooks/on-call-handbook.md',
    withoutOne: { text: COMPLETE.replace('## Post-mortem', '## Afterwards'), missing: /^docs\/runbooks\/incident-response\.md: headings: missing post-mortem \(a heading naming "post mortem", "postmortem", "post incident"\)$/ },
    passes: /a complete incident response plan, \d+ words with a section for each of severity levels, roles, response steps, communication, post-mortem$/,
  }),
  { name: 'INCIDENT_RESPONSE.md in .github/', files: { '.github/INCIDENT_RESPONSE.md': COMPLETE }, status: 'pass', message: /^\.github\/INCIDENT_RESPONSE\.md: a complete incident response plan/ },
  { name: 'the post-mortem heading present with nothing under it', files: { 'docs/incident.md': COMPLETE.replace(/## Post-mortem[\s\S]*$/, '## Post-mortem\n') }, status: 'fail', message: /^docs\/incident\.md: sections: nothing under post-mortem \("Post-mortem", line \d+\)$/ },
]);
