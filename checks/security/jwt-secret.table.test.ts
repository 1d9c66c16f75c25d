import { createHash } from 'node:crypto';
import { inputTable } from '../../test/helpers/input-table.js';
import check from './jwt-secret.js';

/** Random-looking bytes that are the same on every run, so each row's estimate and message are exact. */
const bytes = (label: string, n: number) => createHash('sha512').update(`jwt-secret table: ${label}`).digest().subarray(0, n);

inputTable(check, [
  { name: '48 random bytes as hex', dotenv: `JWT_SECRET=${bytes('hex48', 48).toString('hex')}\n`, status: 'pass', message: 'prod: JWT_SECRET: 384 estimated bits, 96 bytes (hex)' },
  { name: 'the classic passphrase',
    dotenv: 'JWT_SECRET=my-super-secret-jwt-key-change-in-production\n',
    status: 'fail',
    message: 'prod: JWT_SECRET contains the placeholder word "change", is on the known-weak list, has about 94 estimated bits of entropy; at least 160 are needed',
  },
  {
    name: '16 random bytes as hex',
    dotenv: `JWT_SECRET=${bytes('hex16', 16).toString('hex')}\n`,
    status: 'fail',
    message: 'prod: JWT_SECRET has about 128 estimated bits of entropy; at least 160 are needed',
  },
  { name: 'a UUID', dotenv: 'JWT_SECRET=3f1c2a8e-5b7d-4e9f-8a6b-1c2d3e4f5a6b\n', status: 'fail', message: 'prod: JWT_SECRET has about 122 estimated bits of entropy; at least 160 are needed' },
  {
    name: '32 base64url characters',
    dotenv: `JWT_SECRET=${bytes('b64u32', 32).toString('base64url').slice(0, 32)}\n`,
    status: 'warn',
    message: 'prod: JWT_SECRET has about 190 estimated bits of entropy; 256 are recommended',
  },
  {
    name: '40 random bytes as base64url under HS256',
    dotenv: `JWT_SECRET=${bytes('b64u40', 40).toString('base64url')}\n`,
    status: 'pass',
    message: 'prod: JWT_SECRET: 321 estimated bits, 54 bytes (alphanumeric)',
  },
  {
    name: 'the same under algorithm HS512',
    dotenv: `JWT_SECRET=${bytes('b64u40', 40).toString('base64url')}\n`,
    options: { algorithm: 'HS512' },
    status: 'fail',
    message: 'prod: JWT_SECRET is 54 bytes long; HS512 needs at least 64 bytes (the hash size)',
  },
  {
    name: 'the same with JWT_ALGORITHM=HS512',
    dotenv: `JWT_SECRET=${bytes('b64u40', 40).toString('base64url')}\nJWT_ALGORITHM=HS512\n`,
    status: 'fail',
    message: 'prod: JWT_SECRET is 54 bytes long; HS512 needs at least 64 bytes (the hash size)',
  },
  { name: 'JWT_ALGORITHM=RS256', dotenv: `JWT_SECRET=${bytes('rs', 48).toString('hex')}\nJWT_ALGORITHM=RS256\n`,
    status: 'manual',
    message: "prod: JWT_ALGORITHM is not an HMAC algorithm (HS256/384/512): tokens are signed with a key pair, so a shared secret's strength does not apply",
  },
  { name: 'an unexpanded template', dotenv: 'JWT_SECRET=${JWT_SECRET_FROM_VAULT}\n',
    status: 'fail',
    message:
      'prod: JWT_SECRET is an unexpanded template (${…}), contains the placeholder word "secret", is 24 bytes long; HS256 needs at least 32 bytes (the hash size), has about 66 estimated bits of entropy; at least 160 are needed',
  },
  { name: 'unset', dotenv: 'NODE_ENV=production\n', status: 'fail', message: 'JWT_SECRET is not set in any env source of "prod"' },
  { name: 'empty', dotenv: 'JWT_SECRET=\n', status: 'fail', message: 'prod: JWT_SECRET is empty' },
  {
    name: 'another variable named in options.variables',
    dotenv: `AUTH_SECRET=${bytes('auth', 48).toString('base64')}\n`,
    options: { variables: ['AUTH_SECRET'] },
    status: 'pass',
    message: 'prod: AUTH_SECRET: 384 estimated bits, 64 bytes (base64)',
  },
  {
    name: 'unset among options.variables',
    dotenv: `JWT_SECRET=${bytes('hex48', 48).toString('hex')}\n`,
    options: { variables: ['AUTH_SECRET'] },
    status: 'fail',
    message: 'AUTH_SECRET is not set in any env source of "prod"',
  },
  {
    name: 'per service: judged where set, skipped elsewhere',
    files: { 'api.env': `JWT_SECRET=${bytes('api', 48).toString('base64')}\n`, 'web.env': 'VITE_API=https://api.shop.com\n' },
    environments: '  prod:\n    env: [{ dotenv: api.env, service: api }, { dotenv: web.env, service: dashboard }]\n',
    status: 'pass',
    message: 'api: JWT_SECRET: 384 estimated bits, 64 bytes (base64)',
    evidence: { api: { verdict: 'pass' }, dashboard: { verdict: 'skip' } },
  },
  {
    name: 'a failing env command',
    environments: '  prod:\n    env: [{ command: "echo nope >&2; exit 1" }]\n',
    status: 'error',
    message: 'prod: environments.prod.env[0] (command echo) exited with code 1; stderr: nope',
  },
  { name: 'no env sources', environments: '  prod:\n    logs: [{ file: x.log }]\n', status: 'skip', message: /^not configured: environments\.prod\.env \(this line needs it in .+readiness\.yaml\)$/ },
]);
