import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'documentation.api-docs',
  section: 'documentation',
  item: 'API documentation up to date',
  severity: 'medium',
  verifies: 'Published API docs describe every public endpoint, authentication and error formats as they are in the release being deployed.',
  attestation: 'Link to the published API docs (OpenAPI/Swagger UI or docs site) with version and date, and proof they match the code: the OpenAPI spec generated or validated in CI for the release SHA, or a route-by-route comparison with no undocumented endpoints.',
  remediation: 'Generate an OpenAPI spec from the route schemas (e.g. zod-to-openapi), publish it with Redoc or Swagger UI, and fail CI when the committed spec is out of date.',
});
