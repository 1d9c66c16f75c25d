import { createHash, generateKeyPairSync } from 'node:crypto';
import { inputTable } from '../../test/helpers/input-table.js';
import check from './api-keys-regenerated.js';

/** Random-looking values that are the same on every run. */
const value = (label: string) => createHash('sha256').update(`api-keys-regenerated table: ${label}`).digest('base64url');
const key = (label: string) => `sk_live_${value(label).slice(0, 24)}`;
/** A real RSA private key (PKCS#8 PEM), made once for the run. */
const PEM = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } }).privateKey;
const serviceAccount = (privateKey: string) =>
  JSON.stringify({ type: 'service_account', project_id: 'shop-staging', private_key_id: value('sa key id'), private_key: privateKey, client_email: 'api@shop-staging.iam.gserviceaccount.com' });
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
  // Issue 16: secrets inside structured values (JSON, PEM blocks, connection strings, base64 layers), by keyed fingerprint.
  {
    name: "production's PEM private key is the private_key of staging's service-account JSON",
    files: {
      'prod.env': `GOOGLE_PRIVATE_KEY="${PEM.trim().replace(/\n/g, '\\n')}"\n`,
      'staging.json': JSON.stringify({ GCP_SERVICE_ACCOUNT: serviceAccount(PEM) }),
    },
    environments: '  prod:\n    env: [{ dotenv: prod.env }]\n  staging:\n    env: [{ json: staging.json }]\n',
    status: 'fail',
    message: "staging: 1 secret shared: GOOGLE_PRIVATE_KEY (PEM private key inside the value) = staging's GCP_SERVICE_ACCOUNT (private_key inside its JSON)",
  },
  {
    name: "production's service-account JSON holds staging's private key, base64-wrapped on the staging side",
    files: {
      'prod.json': JSON.stringify({ GOOGLE_APPLICATION_CREDENTIALS_JSON: serviceAccount(PEM) }),
      'staging.env': `GOOGLE_CREDENTIALS_BASE64=${Buffer.from(serviceAccount(PEM)).toString('base64')}\n`,
    },
    environments: '  prod:\n    env: [{ json: prod.json }]\n  staging:\n    env: [{ dotenv: staging.env }]\n',
    status: 'fail',
    message: "staging: 1 secret shared: GOOGLE_APPLICATION_CREDENTIALS_JSON (private_key inside its JSON) = staging's GOOGLE_CREDENTIALS_BASE64 (private_key inside its JSON in its base64)",
  },
  {
    name: "a connection string's account key equal to another environment's plain variable",
    files: {
      'prod.env': `AZURE_STORAGE_CONNECTION_STRING=DefaultEndpointsProtocol=https;AccountName=shopprod;AccountKey=${value('azure')}==;EndpointSuffix=core.windows.net\n`,
      'dev.env': `AZURE_STORAGE_KEY=${value('azure')}==\n`,
    },
    environments: twoEnvironments('dev'),
    status: 'fail',
    message: "dev: 1 secret shared: AZURE_STORAGE_CONNECTION_STRING (AccountKey inside its connection string) = dev's AZURE_STORAGE_KEY",
  },
  {
    name: 'a JSON client_secret equal to a password inside a URL elsewhere',
    files: {
      'prod.env': `OAUTH_CONFIG='${JSON.stringify({ client_id: 'shop', client_secret: value('oauth') })}'\n`,
      'staging.env': `OAUTH_URL=https://shop:${value('oauth')}@auth.staging.shop.com/token\n`,
    },
    environments: twoEnvironments(),
    status: 'fail',
    message: "staging: 1 secret shared: OAUTH_CONFIG (client_secret inside its JSON) = staging's OAUTH_URL (inside the value)",
  },
  {
    name: 'different private keys in the same structures',
    files: {
      'prod.env': `GOOGLE_PRIVATE_KEY="${generateKeyPairSync('ec', { namedCurve: 'P-256', privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } }).privateKey.trim().replace(/\n/g, '\\n')}"\n`,
      'staging.json': JSON.stringify({ GCP_SERVICE_ACCOUNT: serviceAccount(PEM) }),
    },
    environments: '  prod:\n    env: [{ dotenv: prod.env }]\n  staging:\n    env: [{ json: staging.json }]\n',
    status: 'pass',
    message: 'staging: none of 2 secrets is shared',
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
