import { gzipSync } from 'node:zlib';
import { inputTable } from '../../test/helpers/input-table.js';
import check from './database-url-not-logged.js';

const oneFile = (name: string, extra = '') => `  prod:\n    logs: [{ file: ${name}${extra} }]\n`;

// Rows run in order in one process: a password found (or configured) in one row is registered for redaction,
// so every row leaks a password of its own.
inputTable(check, [
  {
    name: 'clean lines and an already-masked URL',
    files: { 'clean.txt': 'server listening on :3000\nconnected to postgres://app:****@db.internal:5432/shop\n' },
    environments: oneFile('clean.txt'),
    status: 'pass',
    message: 'logs[0] (file clean.txt): no credentials in 2 lines',
  },
  {
    name: 'masked forms: <redacted>, ${VAR} and [FILTERED]',
    files: { 'masked.txt': 'url=mysql://app:<redacted>@db/x\nDATABASE_URL=postgres://app:${DB_PASSWORD}@db/x\n{"password":"[FILTERED]"}\n' },
    environments: oneFile('masked.txt'),
    status: 'pass',
    message: 'logs[0] (file masked.txt): no credentials in 3 lines',
  },
  {
    name: 'a Prisma URL and a JSON password',
    files: { 'leaky.txt': 'boot\nprisma:info url=postgresql://app:Lk3-leaked-Zq9wXy@db.internal:5432/shop\nok\n{"password":"another-Secret-42"}\n' },
    environments: oneFile('leaky.txt'),
    status: 'fail',
    message: 'logs[0] (file leaky.txt): 2 credentials exposed (line 2: postgresql://app:****@db.internal:5432; line 4: password:****)',
  },
  {
    name: 'other schemes and a password= pair',
    files: { 'schemes.txt': 'cache redis://:Rd5-cache-Pw7Kq@cache.prod:6379\nqueue amqps://jobs:Am9-queue-Pw2Lx@mq.prod/vhost\nconnect host=db.prod pwd=Pq4-pair-Xw8Zt\n' },
    environments: oneFile('schemes.txt'),
    status: 'fail',
    message: 'logs[0] (file schemes.txt): 3 credentials exposed (line 1: redis://:****@cache.prod:6379; line 2: amqps://jobs:****@mq.prod; line 3: pwd=****)',
  },
  {
    name: 'the configured database password, verbatim in command output',
    environments: `  prod:\n    database: { url: "postgres://app:Rt5-configured-Pw8Kq@db.internal/shop" }\n    logs: [{ command: "echo 'auth with Rt5-configured-Pw8Kq failed'" }]\n`,
    status: 'fail',
    message: 'logs[0] (command echo): 1 credential exposed (line 1: the configured database password, verbatim)',
  },
  {
    name: 'a leak before the newest maxBytes of a file',
    files: { 'big.txt': `postgres://app:Old-Leak-99x@db/x\n${'quiet line\n'.repeat(500)}` },
    environments: oneFile('big.txt', ', maxBytes: 1000'),
    status: 'warn',
    message: 'logs[0] (file big.txt): no credentials in the 1000 bytes read, but the size cap stopped the read before the whole source',
  },
  {
    name: 'a command cut at maxBytes',
    environments: '  prod:\n    logs: [{ command: "yes quiet", maxBytes: 4096 }]\n',
    status: 'warn',
    message: 'logs[0] (command yes): no credentials in the 4096 bytes read, but the size cap stopped the read before the whole source',
  },
  {
    name: 'two sources, one leaking',
    files: { 'a.txt': 'fine\n', 'b.txt': 'mongodb+srv://svc:Mg6-srv-Pw3Hj@cluster0.mongodb.net/db\n' },
    environments: '  prod:\n    logs: [{ file: a.txt }, { file: b.txt }]\n',
    status: 'fail',
    message: 'logs[1] (file b.txt): 1 credential exposed (line 1: mongodb+srv://svc:****@cluster0.mongodb.net)',
  },
  { name: 'a missing file', environments: oneFile('nope.txt'), status: 'error', message: 'logs[0] (file nope.txt): cannot be read (no such file)' },
  {
    name: 'a failing command, its stderr redacted',
    environments: '  prod:\n    logs: [{ command: "echo token=Zk29fj20aQxYw >&2; exit 1" }]\n',
    status: 'error',
    message: 'logs[0] (command echo): exited with code 1; stderr: token=****',
  },
  // Issue 16: credential keys in every casing and separator style, compressed logs, empty sources, and the
  // environment's own secrets found by keyed fingerprint.
  {
    name: 'a URL whose password really is "secret"',
    files: { 'weak.txt': 'db connected: postgres://app:secret@db.internal:5432/shop\n' },
    environments: oneFile('weak.txt'),
    status: 'fail',
    message: 'logs[0] (file weak.txt): 1 credential exposed (line 1: postgres://app:****@db.internal:5432)',
  },
  {
    name: 'an env dump with POSTGRES_PASSWORD and SPRING_DATASOURCE_PASSWORD',
    files: { 'env-dump.txt': 'HOSTNAME=web-1\nPOSTGRES_PASSWORD=Pg7-dump-Xq2Lm\nSPRING_DATASOURCE_PASSWORD=Sp4-dump-Rt8Wn\nPATH=/usr/bin\n' },
    environments: oneFile('env-dump.txt'),
    status: 'fail',
    message: 'logs[0] (file env-dump.txt): 2 credentials exposed (line 2: POSTGRES_PASSWORD=****; line 3: SPRING_DATASOURCE_PASSWORD=****)',
  },
  {
    name: 'camel-case and dotted credential keys',
    files: { 'keys.txt': '{"dbPassword": "Cc3-camel-Qw9Zx"}\nspring.datasource.password=Dt5-dotted-Lp3Vb\n' },
    environments: oneFile('keys.txt'),
    status: 'fail',
    message: 'logs[0] (file keys.txt): 2 credentials exposed (line 1: dbPassword:****; line 2: spring.datasource.password=****)',
  },
  {
    name: 'a gzipped rotated log with a leak',
    files: { 'app.log.1.gz': gzipSync('boot\nconnect mysql://app:Gz8-rotated-Pw4Kd@db.internal:3306/shop\nok\n') },
    environments: oneFile('app.log.1.gz'),
    status: 'fail',
    message: 'logs[0] (file app.log.1.gz): 1 credential exposed (line 2: mysql://app:****@db.internal:3306)',
    evidence: { 'logs[0] (file app.log.1.gz)': { compression: 'gzip', lines: 3 } },
  },
  {
    name: 'a clean gzipped log',
    files: { 'clean.log.gz': gzipSync('server listening on :3000\nGET /health 200\n') },
    environments: oneFile('clean.log.gz'),
    status: 'pass',
    message: 'logs[0] (file clean.log.gz): no credentials in 2 lines',
  },
  {
    name: 'a gzipped log cut at maxBytes of its text',
    files: { 'big.log.gz': gzipSync(`${'quiet line\n'.repeat(2000)}postgres://app:Late-Leak-77q@db/x\n`) },
    environments: oneFile('big.log.gz', ', maxBytes: 4096'),
    status: 'warn',
    message: 'logs[0] (file big.log.gz): no credentials in the 4096 bytes read, but the size cap stopped the read before the whole source',
  },
  {
    name: 'a corrupt .gz file',
    files: { 'broken.log.gz': Buffer.concat([gzipSync('a line\n'.repeat(100)).subarray(0, 30)]) },
    environments: oneFile('broken.log.gz'),
    status: 'error',
    message: /^logs\[0\] \(file broken\.log\.gz\): is not a valid gzip file \(.+\)$/,
  },
  { name: 'an empty log file', files: { 'empty.log': '' }, environments: oneFile('empty.log'), status: 'warn', message: 'logs[0] (file empty.log): nothing to read (0 bytes): an empty log shows nothing either way' },
  {
    name: 'a log of blank lines',
    files: { 'blank.log': '\n\n  \n' },
    environments: oneFile('blank.log'),
    status: 'warn',
    message: 'logs[0] (file blank.log): nothing to read (5 bytes, 3 blank lines): an empty log shows nothing either way',
  },
  {
    name: "the environment's JWT_SECRET, verbatim in a log line",
    files: { 'jwt.env': 'JWT_SECRET=Jw9-known-Qz4Xc-Lm7Vb-Tr2Ns\n', 'jwt.log': 'signing with key Jw9-known-Qz4Xc-Lm7Vb-Tr2Ns for user 42\n' },
    environments: '  prod:\n    env: [{ dotenv: jwt.env }]\n    logs: [{ file: jwt.log }]\n',
    status: 'fail',
    message: 'logs[0] (file jwt.log): 1 credential exposed (line 1: the value of JWT_SECRET, verbatim)',
  },
  {
    name: "the env's database password, inside a quoted config dump",
    files: { 'db.env': 'DATABASE_URL=postgres://app:Db6-known-Hx3Qp@db.internal:5432/shop\n', 'config.log': "config loaded: { db: { pass: 'Db6-known-Hx3Qp' } }\n" },
    environments: '  prod:\n    env: [{ dotenv: db.env }]\n    logs: [{ file: config.log }]\n',
    status: 'fail',
    message: 'logs[0] (file config.log): 1 credential exposed (line 1: pass:****)',
  },
  {
    name: 'no log sources',
    environments: '  prod:\n    env: [{ process: true }]\n',
    status: 'skip',
    message: /^not configured: environments\.prod\.logs \(this line needs it in .+readiness\.yaml\)$/,
  },
]);
