import { z } from 'zod';
import { defineCheck } from '../../src/kit/check.js';
import { documentOptionFields, judgeRepoDocument, type RepoDocumentTopic } from '../../src/kit/repo-document.js';

const ESCALATION: RepoDocumentTopic = {
  fileNames: ['escalat'],
  headingNames: ['escalat'],
  spec: {
    topic: 'escalation procedure',
    minWords: 80,
    headings: [
      { need: 'when to escalate', any: ['when to', 'severity', 'sev', 'level', 'threshold', 'trigger', 'criteria', 'priority'] },
      { need: 'escalation chain and contacts', any: ['contact', 'chain', 'path', 'matrix', 'who', 'on call', 'oncall', 'tier', 'team'] },
      { need: 'vendor support', any: ['vendor', 'third part', 'provider', 'supplier', 'external', 'partner'] },
    ],
  },
};

const options = z.strictObject(documentOptionFields(ESCALATION));

export default defineCheck<z.infer<typeof options>>({
  id: 'operational.escalation-procedures',
  section: 'operational',
  item: 'Escalation procedures documented',
  severity: 'medium',
  automation: 'automated',
  needs: ['repo'],
  options,
  verifies: 'It is written down in the repository when an issue is escalated, along which chain of people (with contacts), and how vendors are reached.',
  how:
    'Reads `options.path`, else Markdown files in the root, docs/, doc/, docs/runbooks/, runbooks/, docs/ops/, docs/operations/, ops/, ops/runbooks/ and .github/ named escalat* first, then any whose heading names "escalation" (judged from that heading down), through the repository probe, and lexes them with `marked`. ' +
    'The procedure must hold at least `minWords` (80) words of prose, no TODO/TBD/FIXME/lorem placeholder, and a heading with content for each of: when to escalate (severity, level, threshold, when to), the chain and contacts (contacts, chain, matrix, on-call, tier) and vendor support (vendor, provider, third party, external). ' +
    'A stub or a missing section fails naming it; none in the repository fails with the places looked at; an unreadable file or a symlink out of the repository is error.',
  attestation: 'Link to the escalation document: severity levels and when to escalate, the chain (support, on-call engineer, tech lead, founders) with contacts, vendor support links and account ids (Railway, AWS, Shopify Partners, Google Cloud), and the last review date.',
  remediation: 'Write a one-page escalation matrix by severity with names, phone numbers and response times, add vendor support contacts, and link it from the incident runbook.',
  run: (ctx) => judgeRepoDocument(ctx, ESCALATION),
});
