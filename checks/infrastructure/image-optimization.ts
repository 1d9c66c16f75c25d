import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'infrastructure.image-optimization',
  section: 'infrastructure',
  item: 'Image optimization pipeline tested',
  severity: 'medium',
  verifies: 'Uploaded images are resized and compressed into the expected formats and sizes, stored in S3 and served correctly.',
  attestation: 'Record of a test upload through the dashboard: the resulting S3 keys and sizes (`aws s3 ls s3://<bucket>/<prefix>/`) showing resized/WebP variants, and a served image URL with its Content-Type, Cache-Control and byte size.',
  remediation: 'Fix the pipeline (e.g. sharp on upload or in a worker) to produce resized WebP/AVIF variants, set Content-Type and Cache-Control on upload, and add a test that uploads a large JPEG.',
});
