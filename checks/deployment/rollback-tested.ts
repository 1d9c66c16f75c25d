import { z } from 'zod';
import { defineCheck } from '../../src/kit/check.js';
import { documentOptionFields, judgeRepoDocument, type RepoDocumentTopic } from '../../src/kit/repo-document.js';
import { judgeRecord, RECORD_HEADINGS, type RecordSpec } from '../../src/rules/document-record.js';

const ROLLBACK_RUNBOOK: RepoDocumentTopic = {
  fileNames: ['rollback', 'roll back', 'revert'],
  headingNames: ['rollback', 'roll back', 'rolling back', 'revert'],
  unlike: ['migrat', 'schema', 'database'],
  spec: {
    topic: 'deployment rollback runbook',
    minWords: 80,
    headings: [
      { need: 'when to roll back', any: ['when', 'trigger', 'criteria', 'decision', 'signal'] },
      { need: 'rollback steps', any: ['step', 'procedure', 'how to', 'command', 'instruction', 'process'] },
      { need: 'verification', any: ['verif', 'check', 'health', 'confirm', 'validat', 'smoke'] },
    ],
  },
};

const REHEARSAL_RECORD: RecordSpec = { what: 'rollback rehearsal', headings: ['rollback log', ...RECORD_HEADINGS] };

const options = z.strictObject({
  ...documentOptionFields(ROLLBACK_RUNBOOK),
  maxAgeDays: z.number().int().positive().default(180).describe('Oldest date the latest rollback rehearsal recorded in the runbook may carry'),
});

export default defineCheck<z.infer<typeof options>>({
  id: 'deployment.rollback-tested',
  section: 'deployment',
  item: 'Deployment rollback tested',
  severity: 'high',
  automation: 'partial',
  needs: ['repo'],
  options,
  verifies: 'The repository holds a complete rollback runbook (when to roll back, the steps, how to verify the service came back), and it records a rollback rehearsal within the window.',
  how:
    'Reads `options.path`, else Markdown files in the root, docs/, doc/, docs/runbooks/, runbooks/, docs/ops/, docs/operations/, ops/, ops/runbooks/ and .github/ named rollback* or revert* first, then any whose heading names "rollback" or "roll back" (judged from that heading down; files and headings naming a migration, schema or database belong to operational.migration-rollback-plan), through the repository probe, and lexes them with `marked`. ' +
    'The runbook must hold at least `minWords` (80) words of prose, no TODO/TBD/FIXME/lorem placeholder, and a heading with content for each of: when to roll back (when, trigger, criteria), rollback steps (steps, procedure, commands) and verification (verify, health, smoke). ' +
    'Its rehearsal record is the latest YYYY-MM-DD date under a heading naming a rollback log, drill, rehearsal or test log, or on a "Last tested: YYYY-MM-DD" line: within `maxAgeDays` (180) passes, older fails, none is manual (attest the drill). ' +
    'That the rehearsal happened is the record\'s word: readiness rolls nothing back. A stub or a missing section fails naming it; no runbook fails with the places looked at; an unreadable file or a symlink out of the repository is error.',
  attestation: 'A dated rollback-drill record: environment and service, the command or Railway Deployments-tab action used, deployment ids before and after, time until /health returned 200, and how database migrations were kept compatible.',
  remediation: "On staging, deploy a trivial change, roll back from Railway's Deployments tab (or CLI), time it and check /health, then write the steps and the expand/contract migration rule into the runbook.",
  run: (ctx) => judgeRepoDocument(ctx, ROLLBACK_RUNBOOK, (section) => [judgeRecord(section, REHEARSAL_RECORD, new Date(), ctx.options.maxAgeDays)]),
});
