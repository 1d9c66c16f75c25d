import { inputTable } from '../../test/helpers/input-table.js';
import check from './production-env-values.js';

inputTable(check, [
  {
    name: 'production values, a bind address included',
    dotenv:
      'NODE_ENV=production\nAPI_URL=https://api.shop.com\nDATABASE_URL=postgres://app:Zk29fj20aQx@db.prod.internal/shop\nHOST=0.0.0.0\nSTRIPE_SECRET_KEY=sk_live_51HcQ2e8Zk29fj20aQxYw\nCORS_ORIGINS=https://shop.com,https://admin.shop.com\n',
    status: 'pass',
    message: 'prod: 6 variables, none with a development or test value',
  },
  { name: 'a URL on localhost', dotenv: 'API_URL=http://localhost:3000\n', status: 'fail', message: 'prod: API_URL points at localhost, a local address' },
  { name: 'a host on 127.0.0.0/8', dotenv: 'REDIS_HOST=127.0.0.2\n', status: 'fail', message: 'prod: REDIS_HOST points at 127.0.0.2, a local address' },
  { name: 'an RFC 2606 domain', dotenv: 'APP_ORIGIN=https://shop.example.com\n', status: 'fail', message: 'prod: APP_ORIGIN points at shop.example.com, a reserved example domain (RFC 2606)' },
  {
    name: 'a development tunnel',
    dotenv: 'WEBHOOK_URL=https://quiet-fox.trycloudflare.com/hooks\n',
    status: 'fail',
    message: 'prod: WEBHOOK_URL points at quiet-fox.trycloudflare.com, a development tunnel (trycloudflare.com)',
  },
  { name: 'a Stripe test key', dotenv: 'STRIPE_SECRET_KEY=sk_test_51HcQ2e8Zk29fj20aQxYw\n', status: 'fail', message: 'prod: STRIPE_SECRET_KEY is a Stripe test-mode secret key (sk_test_…)' },
  { name: 'a development setting', dotenv: 'APP_ENV=development\n', status: 'fail', message: 'prod: APP_ENV is "development", a development/test setting' },
  { name: 'a placeholder value', dotenv: 'MAILER_PASSWORD=changeme\n', status: 'fail', message: 'prod: MAILER_PASSWORD is a placeholder value' },
  { name: 'a CORS allow-list of every origin', dotenv: 'CORS_ORIGINS=*\n', status: 'fail', message: 'prod: CORS_ORIGINS allows every origin (*)' },
  { name: 'a staging host', dotenv: 'API_URL=https://api-staging.shop.com\n', status: 'warn', message: 'prod: API_URL points at api-staging.shop.com, which looks like a staging host' },
  {
    name: 'a temporary AWS key',
    dotenv: 'AWS_ACCESS_KEY_ID=ASIAY34FZKBOKMUTVV7A\n',
    status: 'warn',
    message: 'prod: AWS_ACCESS_KEY_ID is a temporary AWS access key (ASIA…): it expires within hours and breaks a static deployment',
  },
  { name: 'debug on', dotenv: 'APP_DEBUG=true\n', status: 'warn', message: 'prod: APP_DEBUG turns debug mode on ("true")' },
  {
    name: 'a local host, ignored by options.ignore',
    dotenv: 'LOCAL_CACHE_URL=http://localhost:6379\n',
    options: { ignore: ['LOCAL_CACHE_URL'] },
    status: 'pass',
    message: 'prod: 1 variables, none with a development or test value',
  },
  {
    name: 'required keys, per service and in their format',
    files: { 'api.env': 'GEMINI_API_KEY=not-a-google-key\n', 'web.env': 'VITE_API=https://api.shop.com\n' },
    environments: '  prod:\n    env: [{ dotenv: api.env, service: api }, { dotenv: web.env, service: dashboard }]\n',
    options: { required: [{ variable: 'GEMINI_API_KEY', format: 'google-api-key', service: 'api' }, { variable: 'SENTRY_DSN', format: 'sentry-dsn' }] },
    status: 'fail',
    message: 'api: GEMINI_API_KEY is not a Google API key (AIza… or AQ.…); SENTRY_DSN is required but not set; dashboard: SENTRY_DSN is required but not set',
    evidence: { dashboard: { verdict: 'fail', findings: ['fail: SENTRY_DSN is required but not set'] } },
  },
  {
    name: 'a required key present in its format',
    dotenv: 'GEMINI_API_KEY=AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q\n',
    options: { required: [{ variable: 'GEMINI_API_KEY', format: 'google-api-key' }] },
    status: 'pass',
    message: 'prod: 1 variables, none with a development or test value',
  },
  // Issue 16: values judged whatever their name, settings that switch protection off, placeholders anywhere, and the
  // providers' published sandbox and test values (src/core/secrets/data/test-values.json).
  {
    // The domain looks generated (32 hex digits), so it is registered as a possible secret and masked in output.
    name: 'a Mailgun sandbox domain',
    dotenv: 'MAILGUN_DOMAIN=sandbox3f1c2a8e5b7d4e9f8a6b1c2d3e4f5a6b.mailgun.org\n',
    status: 'fail',
    message: 'prod: MAILGUN_DOMAIN points at [REDACTED], a Mailgun sandbox domain (delivers only to authorized recipients)',
  },
  { name: 'KAFKA_BROKERS on localhost', dotenv: 'KAFKA_BROKERS=localhost:9092,localhost:9093\n', status: 'fail', message: 'prod: KAFKA_BROKERS points at localhost, a local address' },
  { name: '*_SERVERS on loopback', dotenv: 'MEMCACHED_SERVERS=127.0.0.1:11211\n', status: 'fail', message: 'prod: MEMCACHED_SERVERS points at 127.0.0.1, a local address' },
  { name: '*_NODES on localhost, no port', dotenv: 'CASSANDRA_NODES=localhost\n', status: 'fail', message: 'prod: CASSANDRA_NODES points at localhost, a local address' },
  { name: 'a host:port under any name', dotenv: 'SESSION_STORE=localhost:6379\n', status: 'fail', message: 'prod: SESSION_STORE points at localhost, a local address' },
  { name: 'an ADO.NET connection string', dotenv: 'ORDERS_DB=Server=tcp:localhost,1433;Database=orders;User Id=app;Password=Zk29fj20aQxYw\n', status: 'fail', message: 'prod: ORDERS_DB points at localhost, a local address' },
  { name: 'a libpq keyword connection string', dotenv: 'PG_CONNINFO="host=127.0.0.1 port=5432 dbname=app"\n', status: 'fail', message: 'prod: PG_CONNINFO points at 127.0.0.1, a local address' },
  { name: 'a multi-host MongoDB URL with a .local host', dotenv: 'MONGO_URL=mongodb://app:Zk29fj20aQxYw@db1.prod.internal:27017,db2.local:27017/shop\n', status: 'fail', message: 'prod: MONGO_URL points at db2.local, a name only a local network resolves (.local)' },
  { name: 'lvh.me', dotenv: 'APP_URL=https://shop.lvh.me:3000\n', status: 'fail', message: 'prod: APP_URL points at shop.lvh.me, a public name that resolves to this machine (loopback)' },
  { name: 'localtest.me', dotenv: 'API_BASE=http://api.localtest.me\n', status: 'fail', message: 'prod: API_BASE points at api.localtest.me, a public name that resolves to this machine (loopback)' },
  { name: 'a .local host', dotenv: 'SMTP_HOST=mailhog.local\n', status: 'fail', message: 'prod: SMTP_HOST points at mailhog.local, a name only a local network resolves (.local)' },
  {
    name: 'TLS verification off',
    dotenv: 'NODE_TLS_REJECT_UNAUTHORIZED=0\n',
    status: 'fail',
    message: 'prod: NODE_TLS_REJECT_UNAUTHORIZED turns off TLS certificate verification for every HTTPS connection the Node process makes ("0")',
  },
  { name: 'TLS verification off, camel case', dotenv: 'dbSslVerify=false\n', status: 'fail', message: 'prod: dbSslVerify turns off TLS certificate verification ("false")' },
  { name: 'CSRF protection off', dotenv: 'DISABLE_CSRF=true\n', status: 'fail', message: 'prod: DISABLE_CSRF turns a protection off (authentication, CSRF, verification or rate limiting) ("true")' },
  { name: 'debug logging namespaces', dotenv: 'DEBUG=express:*,prisma:*\n', status: 'warn', message: 'prod: DEBUG turns on debug logging for "express:*,prisma:*" (the debug package prints internals, headers and queries)' },
  { name: 'debug log level', dotenv: 'LOG_LEVEL=debug\n', status: 'warn', message: 'prod: LOG_LEVEL logs at "debug" level, which records request details and secrets' },
  { name: 'sk_live_ filler', dotenv: 'STRIPE_SECRET_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxx\n', status: 'fail', message: 'prod: STRIPE_SECRET_KEY holds a run of x’s' },
  { name: 'sk_live_ zeros', dotenv: 'STRIPE_SECRET_KEY=sk_live_000000000000000000000000\n', status: 'fail', message: 'prod: STRIPE_SECRET_KEY is a Stripe live secret key prefix (sk_live_…) followed by filler, not a key' },
  { name: 'your-…-key inside a longer value', dotenv: 'SEARCH_AUTH_HEADER=Bearer your-api-key-here\n', status: 'fail', message: 'prod: SEARCH_AUTH_HEADER holds a your-… placeholder' },
  { name: 'a placeholder password inside a URL', dotenv: 'AMQP_URL=amqps://app:changeme@mq.prod.internal/vhost\n', status: 'fail', message: 'prod: AMQP_URL holds a replace-me word' },
  { name: 'the PayPal sandbox API', dotenv: 'PAYPAL_API_BASE=https://api-m.sandbox.paypal.com\n', status: 'fail', message: 'prod: PAYPAL_API_BASE points at api-m.sandbox.paypal.com, the PayPal sandbox' },
  { name: 'a Twilio magic test number', dotenv: 'TWILIO_FROM_NUMBER=+15005550006\n', status: 'fail', message: 'prod: TWILIO_FROM_NUMBER is a Twilio magic test number (test credentials only)' },
  { name: "SendGrid's sandbox mode", dotenv: 'SENDGRID_SANDBOX_MODE=true\n', status: 'fail', message: 'prod: SENDGRID_SANDBOX_MODE turns on SendGrid\'s sandbox mode (mail is validated, never delivered) ("true")' },
  { name: 'Shopify test charges', dotenv: 'SHOPIFY_BILLING_TEST=true\n', status: 'fail', message: 'prod: SHOPIFY_BILLING_TEST turns on Shopify test charges (merchants are never billed) ("true")' },
  { name: 'a Checkout.com sandbox key', dotenv: 'CHECKOUT_SECRET_KEY=sk_sbox_3f1c2a8e5b7d4e9f8a6b1c2d3e\n', status: 'fail', message: 'prod: CHECKOUT_SECRET_KEY is a Checkout.com sandbox secret key (sk_sbox_…)' },
  {
    name: "Supabase's published service_role key",
    dotenv:
      'SUPABASE_SERVICE_ROLE_KEY=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyAgCiAgICAicm9sZSI6ICJzZXJ2aWNlX3JvbGUiLAogICAgImlzcyI6ICJzdXBhYmFzZS1kZW1vIiwKICAgICJpYXQiOiAxNjQxNzY5MjAwLAogICAgImV4cCI6IDE3OTk1MzU2MDAKfQ.DaYlNEoUrrEn2Ig7tqibS-PHK5vgusbcbo7X36XVt4Q\n',
    status: 'fail',
    message: "prod: SUPABASE_SERVICE_ROLE_KEY is a published secret: SERVICE_ROLE_KEY of Supabase's self-hosting docker/.env.example (full database access)",
  },
  {
    name: 'production values that only look like hosts, versions, times and files',
    dotenv:
      'NODE_ENV=production\nKAFKA_BROKERS=kafka-1.prod.internal:9092,kafka-2.prod.internal:9092\nCONFIG_FILE=config.dev.json\nAPP_VERSION=1.2.3\nBACKUP_AT=12:30\n' +
      'REDIS_URL=rediss://cache.prod.internal:6380\nPG_CONNINFO="host=db.prod.internal port=5432 dbname=app sslmode=verify-full"\nDEBUG=false\nLOG_LEVEL=info\nNODE_TLS_REJECT_UNAUTHORIZED=1\n',
    status: 'pass',
    message: 'prod: 10 variables, none with a development or test value',
  },
  {
    name: 'an unreadable source',
    environments: '  prod:\n    env: [{ json: missing.json }]\n',
    status: 'error',
    message: 'prod: environments.prod.env[0] (json missing.json) cannot be read (no such file)',
  },
]);
