import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'testing.production-like-data',
  section: 'testing',
  item: 'API endpoints tested with production-like data',
  severity: 'medium',
  verifies: 'API endpoints were exercised with data of production size and shape (large catalogs, many variants, unicode, missing fields), not only tiny fixtures.',
  attestation: 'Description of the dataset (e.g. anonymised dump or seed with 10k+ products, variants, unicode titles, missing images), the endpoints exercised (Postman/Newman run or test log) and results, including pagination and response times.',
  remediation: 'Write a `prisma db seed` script generating realistic volume and edge cases, or restore an anonymised production-like dump to staging, and run the API collection against it.',
});
