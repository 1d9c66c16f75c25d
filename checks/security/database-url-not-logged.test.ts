import { afterAll, describe, expect, it } from 'vitest';
import { redactText } from '../../src/core/redact.js';
import { envWorkspace } from '../../test/helpers/env-target.js';
import { runCheck } from '../../test/helpers/run-check.js';
import check from './database-url-not-logged.js';

const ws = envWorkspace();
afterAll(() => ws.remove());

describe('security.database-url-not-logged', () => {
  it('passes clean logs, including already-masked URLs', async () => {
    ws.write('clean.txt', 'server listening on :3000\nconnected to postgres://app:****@db.internal:5432/shop\n');
    const result = await runCheck(check, ws.target('  prod:\n    logs: [{ file: clean.txt }]\n'));
    expect(result.status).toBe('pass');
    expect(result.message).toBe('logs[0] (file clean.txt): no credentials in 2 lines');
  });

  it('fails with file and line number and the password masked, and registers the password for redaction', async () => {
    const password = 'Lk3-leaked-Zq9wXy';
    ws.write('leaky.txt', `boot\nprisma:info url=postgresql://app:${password}@db.internal:5432/shop\nok\n{"password":"another-Secret-42"}\n`);
    const result = await runCheck(check, ws.target('  prod:\n    logs: [{ file: leaky.txt }]\n'));
    expect(result.status).toBe('fail');
    expect(result.message).toBe('logs[0] (file leaky.txt): 2 credentials exposed (line 2: postgresql://app:****@db.internal:5432; line 4: password:****)');
    expect(JSON.stringify(result)).not.toContain(password);
    expect(redactText(`x ${password}`)).toBe('x [REDACTED]');
  });

  it('finds the configured database password verbatim, from command output too', async () => {
    const password = 'Rt5-configured-Pw8Kq';
    const target = ws.target(
      `  prod:\n    database: { url: "postgres://app:${password}@db.internal/shop" }\n    logs: [{ command: "echo 'auth with ${password} failed'" }]\n`,
    );
    const result = await runCheck(check, target);
    expect(result.status).toBe('fail');
    expect(result.message).toMatch(/line 1: the configured database password, verbatim/);
  });

  it('reads only the newest maxBytes of a file, and warns that the rest went unscanned', async () => {
    ws.write('big.txt', `${'postgres://app:Old-Leak-99x@db/x\n'}${'quiet line\n'.repeat(500)}`);
    const result = await runCheck(check, ws.target('  prod:\n    logs: [{ file: big.txt, maxBytes: 1000 }]\n'));
    expect(result.status).toBe('warn');
    expect(result.evidence).toMatchObject({ 'logs[0] (file big.txt)': { bytesRead: 1000, truncated: true } });
  });

  it('ends a command at maxBytes', async () => {
    const result = await runCheck(check, ws.target('  prod:\n    logs: [{ command: "yes quiet", maxBytes: 4096 }]\n'));
    expect(result.status).toBe('warn');
    expect(result.evidence).toMatchObject({ 'logs[0] (command yes)': { bytesRead: 4096, truncated: true } });
  });

  it('is error when a source cannot be read or its command fails', async () => {
    const missing = await runCheck(check, ws.target('  prod:\n    logs: [{ file: nope.txt }]\n'));
    expect(missing.status).toBe('error');
    expect(missing.message).toBe('logs[0] (file nope.txt): cannot be read (no such file)');
    const failing = await runCheck(check, ws.target('  prod:\n    logs: [{ command: "echo token=Zk29fj20aQxYw >&2; exit 1" }]\n'));
    expect(failing.status).toBe('error');
    expect(failing.message).toBe('logs[0] (command echo): exited with code 1; stderr: token=****');
  });
});
