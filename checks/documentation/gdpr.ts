import { z } from 'zod';
import { outcome } from '../../src/core/outcome.js';
import { defineCheck } from '../../src/kit/check.js';
import { documentOptionFields, judgeRepoDocument, type RepoDocumentTopic } from '../../src/kit/repo-document.js';

const GDPR_DOC: RepoDocumentTopic = {
  fileNames: ['gdpr', 'data protection', 'dpa', 'data processing', 'privacy'],
  headingNames: ['gdpr', 'data protection', 'general data protection'],
  spec: {
    topic: 'GDPR compliance document',
    minWords: 120,
    headings: [
      { need: 'personal data processed', any: ['personal data', 'data we', 'data processing', 'record of processing', 'processing activit', 'categories of', 'data inventory', 'what data', 'lawful basis'] },
      { need: 'subprocessors', any: ['subprocessor', 'sub processor', 'processor', 'third part', 'vendor'] },
      { need: 'data subject requests', any: ['data subject', 'subject access', 'dsar', 'data request', 'right', 'erasure', 'deletion', 'redact'] },
      { need: 'retention', any: ['retention', 'retain', 'storage period', 'how long'] },
    ],
  },
};

const options = z.strictObject({
  ...documentOptionFields(GDPR_DOC),
  servesEU: z.boolean().default(true).describe('Whether EU merchants or shoppers are served; false makes the line skip (the GDPR does not apply)'),
});

export default defineCheck<z.infer<typeof options>>({
  id: 'documentation.gdpr',
  section: 'documentation',
  item: 'GDPR compliance documented (if serving EU customers)',
  severity: 'medium',
  automation: 'automated',
  needs: ['repo'],
  options,
  verifies: 'Where EU merchants or shoppers are served, the repository documents which personal data is processed, the subprocessors, how data-subject requests are handled, and how long data is kept.',
  how:
    'With `servesEU: false` the line is skip. Otherwise (the default: not serving the EU has to be said) reads `options.path`, else Markdown files in the root, docs/, doc/, docs/runbooks/, runbooks/, docs/ops/, docs/operations/, ops/, ops/runbooks/ and .github/ named gdpr*, data-protection*, dpa*, data-processing* or privacy* first, then any whose heading names "GDPR" or "data protection" (judged from that heading down), through the repository probe, and lexes them with `marked`. ' +
    'The document must hold at least `minWords` (120) words of prose, no TODO/TBD/FIXME/lorem placeholder, and a heading with content for each of: personal data processed (personal data, record of processing, lawful basis), subprocessors (subprocessors, third parties, vendors), data subject requests (data subject, rights, erasure, data requests) and retention (retention, how long). ' +
    "A stub or a missing section fails naming it; none in the repository fails with the places looked at; an unreadable file or a symlink out of the repository is error. Shopify's privacy webhooks are not called here.",
  attestation: 'Link to the GDPR documentation (record of processing, DPA template, subprocessor list with regions, retention periods) and test deliveries of customers/data_request, customers/redact and shop/redact returning 200 with the resulting deletion or export.',
  remediation: 'Write a record of processing and a DPA, list subprocessors with regions, implement the three Shopify compliance webhooks with real deletion/export logic, and document handling of data requests within 30 days.',
  async run(ctx) {
    if (!ctx.options.servesEU) return outcome('skip', `checks.${ctx.meta.id}.options.servesEU is false: no EU customers are served, so the GDPR does not apply`);
    return judgeRepoDocument(ctx, GDPR_DOC);
  },
});
