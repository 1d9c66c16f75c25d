import { z } from 'zod';
import { defineCheck } from '../../src/kit/check.js';
import { documentOptionFields, judgeRepoDocument, type RepoDocumentTopic } from '../../src/kit/repo-document.js';
import { judgeRecord, RECORD_HEADINGS, type RecordSpec } from '../../src/rules/document-record.js';

const BACKUP_RUNBOOK: RepoDocumentTopic = {
  fileNames: ['backup', 'restor', 'recover', 'disaster'],
  headingNames: ['backup', 'restor', 'recovery', 'disaster recovery'],
  spec: {
    topic: 'backup and recovery runbook',
    minWords: 100,
    headings: [
      { need: 'what is backed up', any: ['what', 'scope', 'backup', 'schedule', 'retention', 'inventory'] },
      { need: 'restore procedure', any: ['restor', 'recover', 'procedure', 'step', 'how to'] },
      { need: 'recovery targets', any: ['rto', 'rpo', 'objective', 'target', 'recovery time', 'recovery point'] },
    ],
  },
};

const RESTORE_RECORD: RecordSpec = { what: 'restore test', headings: ['restore log', ...RECORD_HEADINGS] };

const options = z.strictObject({
  ...documentOptionFields(BACKUP_RUNBOOK),
  maxAgeDays: z.number().int().positive().default(90).describe('Oldest date the latest restore record of the runbook may carry'),
});

export default defineCheck<z.infer<typeof options>>({
  id: 'operational.backup-recovery-tested',
  section: 'operational',
  item: 'Backup and recovery procedures tested',
  severity: 'high',
  automation: 'partial',
  needs: ['repo'],
  options,
  verifies: 'The repository holds a complete backup and recovery runbook, and it records a restore test within the window: the team wrote down when the procedure was last rehearsed.',
  how:
    'Reads `options.path`, else Markdown files in the root, docs/, doc/, docs/runbooks/, runbooks/, docs/ops/, docs/operations/, ops/, ops/runbooks/ and .github/ named backup*, restor*, recover* or disaster* first, then any whose heading names "backup", "restore" or "recovery" (judged from that heading down), through the repository probe, and lexes them with `marked`. ' +
    'The runbook must hold at least `minWords` (100) words of prose, no TODO/TBD/FIXME/lorem placeholder, and a heading with content for each of: what is backed up (what, scope, schedule, retention), restore procedure (restore, recovery, steps) and recovery targets (RTO, RPO, objectives). ' +
    'Its restore record is the latest YYYY-MM-DD date under a heading naming a restore log, drill, rehearsal or test log, or on a "Last tested: YYYY-MM-DD" line: within `maxAgeDays` (90) passes, older fails, none is manual (attest the drill). ' +
    'That the recorded drill happened, and met the targets, is the record\'s word: readiness restores nothing. A stub or a missing section fails naming it; no runbook fails with the places looked at; an unreadable file or a symlink out of the repository is error.',
  attestation: 'A dated recovery-drill record: what was restored (Postgres backup, S3 objects via versioning, env vars from the secure backup) and where, the runbook steps followed, measured recovery time and data loss against the RTO/RPO targets, and issues found.',
  remediation: 'Enable S3 versioning, write a recovery runbook for database, assets and config, rehearse it into a scratch Railway environment, record the timings, fix gaps, and repeat quarterly.',
  run: (ctx) => judgeRepoDocument(ctx, BACKUP_RUNBOOK, (section) => [judgeRecord(section, RESTORE_RECORD, new Date(), ctx.options.maxAgeDays)]),
});
