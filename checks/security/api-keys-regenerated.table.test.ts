import { createHash } from 'node:crypto';
import { inputTable } from '../../test/helpers/input-table.js';
import check from './api-keys-regenerated.js';

/** Random-looking values that are the same on every run. */
const value = (label: string) => createHash('sha256').update(`api-keys-regenerated table: ${label}`).digest('base64url');
const key = (label: string) => `sk_live_${value(label).slice(0, 24)}`;
const twoEnvironments = (other = 'staging') => `  prod:\n    env: [{ dotenv: prod.env }]\n  ${other}:\n    env: [{ dotenv: ${other}.env }]\n`;

inputTable(check, [
  {
    name: 'no secret shared with another environment',
    files: {
      'prod.env': `STRIPE_SECRET_KEY=${key('prod stripe')}\nJWT_SECRET=${value('prod jwt')}\nNODE_ENV=production\n`,
      'staging.env': `STRIPE_SECRET_KEY=${key('staging stripe')}\nJWT_SECRET=${value('staging jwt')}\nNODE_ENV=production\n`,
    },
    environments: twoEnvironments(),
    status: 'pass',
    message: 'staging: none of 2 secrets is shared',
  },
  {
    name: 'a key shared under another name',
    files: { 'prod.env': `STRIPE_SECRET_KEY=${key('shared')}\n`, 'dev.env': `STRIPE_KEY_DEV=${key('shared')}\n` },
    environments: twoEnvironments('dev'),
    status: 'fail',
    message: "dev: 1 secret shared: STRIPE_SECRET_KEY = dev's STRIPE_KEY_DEV",
  },
  {
    name: 'a password shared inside URLs',
    files: { 'prod.env': `REDIS_URL=redis://:${value('redis')}@cache.prod:6379\n`, 'dev.env': `REDIS_URL=redis://:${value('redis')}@localhost:6379\n` },
    environments: twoEnvironments('dev'),
    status: 'fail',
    message: "dev: 1 secret shared: REDIS_URL (inside the value) = dev's REDIS_URL (inside the value)",
  },
  {
    name: 'a secret of prod equal to a non-secret-named value elsewhere',
    files: { 'prod.env': `SESSION_SECRET=${value('session')}\n`, 'staging.env': `SOMETHING=${value('session')}\n` },
    environments: twoEnvironments(),
    status: 'fail',
    message: "staging: 1 secret shared: SESSION_SECRET = staging's SOMETHING",
  },
  {
    name: 'public-by-design values shared',
    files: {
      'prod.env': `SENTRY_DSN=https://0123456789abcdef0123456789abcdef@o1.ingest.sentry.io/2\nSTRIPE_PK=pk_live_${value('pk')}\nVITE_API_TOKEN=${value('vite')}\n`,
      'staging.env': `SENTRY_DSN=https://0123456789abcdef0123456789abcdef@o1.ingest.sentry.io/2\nSTRIPE_PK=pk_live_${value('pk')}\nVITE_API_TOKEN=${value('vite')}\n`,
    },
    environments: twoEnvironments(),
    status: 'pass',
    message: 'staging: none of 0 secrets is shared',
  },
  {
    name: 'a shared value under 8 characters',
    files: { 'prod.env': 'API_KEY=abc1234\n', 'staging.env': 'API_KEY=abc1234\n' },
    environments: twoEnvironments(),
    status: 'pass',
    message: 'staging: none of 0 secrets is shared',
  },
  {
    name: 'a shared key on options.ignore',
    files: { 'prod.env': `LEGACY_TOKEN=${key('legacy')}\n`, 'dev.env': `LEGACY_TOKEN=${key('legacy')}\n` },
    environments: twoEnvironments('dev'),
    options: { ignore: ['LEGACY_TOKEN'] },
    status: 'pass',
    message: 'dev: none of 0 secrets is shared',
  },
  {
    name: 'a shared key in an environment left out of options.compareWith',
    files: { 'prod.env': `STRIPE_SECRET_KEY=${key('cw')}\n`, 'dev.env': `STRIPE_SECRET_KEY=${key('cw')}\n`, 'staging.env': `STRIPE_SECRET_KEY=${key('cw staging')}\n` },
    environments: `${twoEnvironments('dev')}  staging:\n    env: [{ dotenv: staging.env }]\n`,
    options: { compareWith: ['staging'] },
    status: 'pass',
    message: 'staging: none of 1 secrets is shared',
  },
  {
    name: 'another environment whose command fails',
    files: { 'prod.env': `JWT_SECRET=${value('jwt alone')}\n` },
    environments: '  prod:\n    env: [{ dotenv: prod.env }]\n  staging:\n    env: [{ command: "exit 2" }]\n',
    status: 'error',
    message: 'staging: environments.staging.env[0] (command exit) exited with code 2',
  },
  {
    name: 'another environment read from this process',
    files: { 'prod.env': `JWT_SECRET=${value('jwt alone')}\n` },
    environments: '  prod:\n    env: [{ dotenv: prod.env }]\n  staging:\n    env: [{ process: true }]\n',
    status: 'error',
    message: 'staging: environment "staging" reads the process environment, which in this run is not its own; give it a file or command source to compare with',
  },
  {
    name: 'no other environment',
    files: { 'prod.env': `JWT_SECRET=${value('jwt alone')}\n` },
    environments: '  prod:\n    env: [{ dotenv: prod.env }]\n',
    status: 'skip',
    message: 'no other environment in the config to compare with; add the staging/development environments (their env sources) to the config',
  },
]);
