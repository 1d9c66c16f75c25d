import { defineManualCheck } from '../../src/core/check.js';

export default defineManualCheck({
  id: 'security.jwt-secret',
  section: 'security',
  item: '`JWT_SECRET` is a cryptographically secure random string (32+ chars)',
  severity: 'critical',
  verifies: 'JWT_SECRET in production is a random value of at least 32 characters, unique to production, never committed to the repo and not shared with staging.',
  attestation: "Password-manager entry (value hidden) showing JWT_SECRET's length (32+ chars), how it was generated (e.g. `openssl rand -base64 48`) and its creation date, plus confirmation it differs from staging's and `git log -p -S` finds no copy in the repo history.",
  remediation: "Generate one with `openssl rand -base64 48`, set it in the api service's Railway production variables, store it in the password manager, redeploy (existing sessions are invalidated) and delete any copy from .env files and the repo.",
});
