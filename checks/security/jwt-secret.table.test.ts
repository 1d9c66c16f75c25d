import { createHash } from 'node:crypto';
import { inputTable } from '../../test/helpers/input-table.js';
import check from './jwt-secret.js';

/** Random-looking bytes that are the same on every run, so each row's estimate and message are exact. */
const bytes = (label: string, n: number) => createHash('sha512').update(`jwt-secret table: ${label}`).digest().subarray(0, n);
/** A fixed random-looking key over the printable alphabet (less the characters a dotenv value cannot hold unquoted). */
const printable = (label: string, n: number) => {
  const alphabet = [...Array(95)].map((_, i) => String.fromCharCode(32 + i)).filter((c) => !` "'#\\\``.includes(c)).join('');
  return [...createHash('sha512').update(`printable: ${label}`).digest(), ...createHash('sha512').update(`more: ${label}`).digest()]
    .slice(0, n)
    .map((b) => alphabet[b % alphabet.length])
    .join('');
};
/** The example TOKEN_SECRET of DigitalOcean's "How To Use JSON Web Tokens (JWTs) in Express.js" (data/published-secrets.json). */
const TUTORIAL_SECRET = '09f26e402586e2faa8da4c98a35f1b20d6b033c6097befa8be3486a829587fe2f90a832bd3ff9d42710a4da095a2ce285b009f0c3730cd9b8e1af3eb84df6611';

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

  // Issue 16: published, encoded and human-made values that looked random enough, and the algorithm "none".
  {
    name: "the 128-hex TOKEN_SECRET of DigitalOcean's Express JWT tutorial",
    dotenv: `JWT_SECRET=${TUTORIAL_SECRET}\n`,
    status: 'fail',
    message: 'prod: JWT_SECRET is a published secret: the example TOKEN_SECRET of DigitalOcean\'s tutorial "How To Use JSON Web Tokens (JWTs) in Express.js" (the output of require(\'crypto\').randomBytes(64).toString(\'hex\') it shows)',
    evidence: { prod: { secrets: [{ publishedListHit: true, estimatedBits: 512 }] } },
  },
  { name: 'the same tutorial secret cut to 64 characters', dotenv: `JWT_SECRET=${TUTORIAL_SECRET.slice(0, 64)}\n`, status: 'fail', message: /^prod: JWT_SECRET is a published secret: the example TOKEN_SECRET of DigitalOcean's tutorial/ },
  {
    name: 'base64 of a weak-list value',
    dotenv: `JWT_SECRET=${Buffer.from('my-super-secret-jwt-key-change-in-production').toString('base64')}\n`,
    status: 'fail',
    message: 'prod: JWT_SECRET decodes (base64) to a value on the known-weak list, has about 94 estimated bits of entropy (what its base64 encodes); at least 160 are needed',
    evidence: { prod: { secrets: [{ decodedFrom: ['base64'], weakListHit: true }] } },
  },
  {
    name: 'hex of an English phrase',
    dotenv: `JWT_SECRET=${Buffer.from('this is the secret phrase we use to sign all of our tokens').toString('hex')}\n`,
    status: 'fail',
    message: /^prod: JWT_SECRET has about \d+ estimated bits of entropy \(what its hex encodes\); at least 160 are needed$/,
  },
  { name: 'a keyboard column walk', dotenv: 'JWT_SECRET=1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik,9ol.0p;/\n', status: 'fail', message: /^prod: JWT_SECRET has about \d+ estimated bits of entropy; at least 160 are needed$/ },
  { name: 'shifted keyboard rows', dotenv: 'JWT_SECRET=\'!@$%^&*()_+QWERTYUIOP{}|ASDFGHJKL:ZXCVBNM<>?\'\n', status: 'fail', message: /^prod: JWT_SECRET has about \d+ estimated bits of entropy; at least 160 are needed$/ },
  { name: 'an azerty walk', dotenv: 'JWT_SECRET=azertyuiopqsdfghjklmwxcvbnAZERTYUIOPQSDF\n', status: 'fail', message: /^prod: JWT_SECRET has about \d+ estimated bits of entropy; at least 160 are needed$/ },
  { name: 'camel-case dictionary words', dotenv: 'JWT_SECRET=KangarooSaxophoneTelescopeUmbrellaPineapple\n', status: 'fail', message: /^prod: JWT_SECRET has about \d+ estimated bits of entropy; at least 160 are needed$/ },
  { name: 'a run of dictionary words', dotenv: 'JWT_SECRET=kangaroosaxophonetelescopeumbrellapineapple\n', status: 'fail', message: /^prod: JWT_SECRET has about \d+ estimated bits of entropy; at least 160 are needed$/ },
  {
    name: 'JWT_ALGORITHM=none',
    dotenv: `JWT_SECRET=${bytes('none', 48).toString('hex')}\nJWT_ALGORITHM=none\n`,
    status: 'fail',
    message: 'prod: JWT_ALGORITHM allows the "none" algorithm: unsigned tokens are accepted, so anyone can forge one',
  },
  {
    name: 'none among JWT_ALGORITHMS',
    dotenv: `JWT_SECRET=${bytes('none', 48).toString('hex')}\nJWT_ALGORITHMS=HS256,none\n`,
    status: 'fail',
    message: 'prod: JWT_ALGORITHMS allows the "none" algorithm: unsigned tokens are accepted, so anyone can forge one',
  },
  {
    name: 'alg none inside a JSON config value, from a JSON env source',
    files: { 'prod.json': JSON.stringify({ JWT_SECRET: bytes('none', 48).toString('hex'), JWT_OPTIONS: JSON.stringify({ algorithms: ['HS256', 'none'], expiresIn: '1h' }) }) },
    environments: '  prod:\n    env: [{ json: prod.json }]\n',
    status: 'fail',
    message: 'prod: JWT_OPTIONS ("alg": "none") allows the "none" algorithm: unsigned tokens are accepted, so anyone can forge one',
  },
  {
    name: 'options.algorithm none',
    dotenv: `JWT_SECRET=${bytes('none', 48).toString('hex')}\n`,
    options: { algorithm: 'none' },
    status: 'fail',
    message: 'prod: checks.security.jwt-secret.options.algorithm allows the "none" algorithm: unsigned tokens are accepted, so anyone can forge one',
  },

  // Issue 16, false fails: a random printable key holding <…> and ${…} by chance, and labelled 256-bit keys.
  {
    name: 'a random printable key with <…> and ${…} inside',
    dotenv: `JWT_SECRET=${printable('a', 20)}<ab>${printable('b', 10)}\${q}${printable('c', 14)}\n`,
    status: 'pass',
    message: /^prod: JWT_SECRET: \d{3} estimated bits, 52 bytes \(printable\)$/,
  },
  { name: 'jwt-secret- and 256 random bits', dotenv: `JWT_SECRET=jwt-secret-${bytes('label hex', 32).toString('hex')}\n`, status: 'pass', message: 'prod: JWT_SECRET: 256 estimated bits, 75 bytes (hex)' },
  { name: 'secret: and 256 random bits', dotenv: `JWT_SECRET=secret:${bytes('label b64', 32).toString('base64')}\n`, status: 'pass', message: /^prod: JWT_SECRET: 25[68] estimated bits, 51 bytes \((base64|alphanumeric)\)$/ },
]);
