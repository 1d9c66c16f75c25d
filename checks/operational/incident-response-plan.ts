import { z } from 'zod';
import { defineCheck } from '../../src/kit/check.js';
import { documentOptionFields, judgeRepoDocument, type RepoDocumentTopic } from '../../src/kit/repo-document.js';

const INCIDENT_PLAN: RepoDocumentTopic = {
  fileNames: ['incident'],
  headingNames: ['incident response', 'incident management', 'incident plan', 'incident handling', 'incidents'],
  spec: {
    topic: 'incident response plan',
    minWords: 150,
    headings: [
      { need: 'severity levels', any: ['severity', 'sev', 'priority', 'impact level', 'classification'] },
      { need: 'roles', any: ['role', 'incident commander', 'commander', 'on call', 'oncall', 'responsib', 'who does'] },
      { need: 'response steps', any: ['step', 'response', 'procedure', 'process', 'playbook', 'triage', 'declar', 'workflow', 'how to respond'] },
      { need: 'communication', any: ['communicat', 'comms', 'status page', 'stakeholder', 'customer', 'notif', 'announc'] },
      { need: 'post-mortem', any: ['post mortem', 'postmortem', 'post incident', 'retrospective', 'review', 'lessons learned', 'after action', 'root cause'] },
    ],
  },
};

const options = z.strictObject(documentOptionFields(INCIDENT_PLAN));

export default defineCheck<z.infer<typeof options>>({
  id: 'operational.incident-response-plan',
  section: 'operational',
  item: 'Incident response plan documented',
  severity: 'high',
  automation: 'automated',
  needs: ['repo'],
  options,
  verifies: 'A written plan in the repository says how incidents are graded, who leads them, the steps to respond, how customers are told and how an incident is closed with a post-mortem.',
  how:
    'Reads `options.path`, else Markdown files in the root, docs/, doc/, docs/runbooks/, runbooks/, docs/ops/, docs/operations/, ops/, ops/runbooks/ and .github/ named incident* first, then any whose heading names "incident response" (judged from that heading down), through the repository probe, and lexes them with `marked`. ' +
    'The plan must hold at least `minWords` (150) words of prose, no TODO/TBD/FIXME/lorem placeholder, and a heading with content for each of: severity levels (severity, sev, priority), roles (incident commander, on-call, role), response steps (steps, response, procedure, triage), communication (communication, status page, customers) and post-mortem (post-mortem, retrospective, review). ' +
    'A stub or a missing section fails naming it; no plan in the repository fails with the places looked at; an unreadable file or a symlink out of the repository is error.',
  attestation: 'Link to the incident response document (wiki/Notion/repo path) with the date it was last reviewed, naming the incident commander role and the customer-communication step.',
  remediation: 'Write a one-page incident response runbook: severity levels, incident commander, communication channels, status-page updates, post-mortem template. Link it from the README of the ops repo.',
  run: (ctx) => judgeRepoDocument(ctx, INCIDENT_PLAN),
});
