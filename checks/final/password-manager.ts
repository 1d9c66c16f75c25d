import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'final.password-manager',
  section: 'final',
  item: 'Passwords stored in password manager',
  severity: 'high',
  verifies: 'All production credentials live in a shared password-manager vault with access limited to those who need it, not in chat, docs or personal notes.',
  attestation: 'Screenshot of the production vault (1Password, Bitwarden) listing item names (Railway, AWS, Shopify Partners, Google Cloud, Sentry, database, domain registrar) and its members, with no secret values visible.',
  remediation: 'Create a shared production vault, move every credential and 2FA recovery code into it, restrict membership, and purge credentials from Slack, docs and committed .env files.',
});
