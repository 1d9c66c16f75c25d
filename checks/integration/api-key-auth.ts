import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'integration.api-key-auth',
  section: 'integration',
  item: 'API key authentication working',
  severity: 'critical',
  verifies: 'Requests with a valid merchant API key succeed, and requests with a missing, wrong or revoked key are rejected with 401.',
  attestation: 'curl output against production (or staging on the same build): a valid key returning 200, and no key, a wrong key and a revoked key each returning 401, plus confirmation that keys are stored hashed in the database.',
  remediation: 'Require the API-key middleware on every non-public route, store keys hashed (SHA-256) with a lookup prefix, compare in constant time, support revocation, and add tests for the 401 cases.',
});
