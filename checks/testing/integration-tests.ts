import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'testing.integration-tests',
  section: 'testing',
  item: 'Integration tests passing',
  severity: 'medium',
  verifies: 'Tests that drive the API against a real Postgres (with Shopify, Gemini and S3 stubbed) pass on the release commit.',
  attestation: 'Link to the CI run for the release SHA showing the integration job green, what it runs against (e.g. a postgres:16 service container migrated with `prisma migrate deploy`) and the number of tests passed.',
  remediation: 'Add an integration job to GitHub Actions with a Postgres service container, run migrations, then the API tests with supertest; mock external APIs with msw or nock, and make the job required.',
});
