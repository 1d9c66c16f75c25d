import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'final.env-backup',
  section: 'final',
  item: 'Environment variables backed up securely',
  severity: 'high',
  verifies: "A current, encrypted copy of every service's production environment variables exists outside Railway, so configuration can be rebuilt if lost.",
  attestation: 'The vault item or encrypted file location (e.g. a 1Password secure note, or a SOPS/age-encrypted file in a private repo) holding the variables for api, dashboard and widget, the date of the last export, and who can decrypt it.',
  remediation: 'Export with `railway variables --service <name> --environment production --kv`, store the output encrypted (password manager or SOPS), delete the plaintext, and refresh the backup after every change.',
});
