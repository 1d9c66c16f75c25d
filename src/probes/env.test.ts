import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../config/load.js';
import { redactText } from '../core/redact.js';
import { EnvProbe } from './env.js';
import { malformedDotenvLines, parseJsonVariables, parseKvVariables } from './env-formats.js';
import { probeFailure } from '../../test/helpers/probe-failure.js';

const dir = mkdtempSync(path.join(tmpdir(), 'readiness-env-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: string): string {
  writeFileSync(path.join(dir, name), content);
  return name;
}

/** An EnvProbe over a config file in the temp dir, so relative paths and commands run there. */
function probeFor(envYaml: string, extra = '', processEnv: NodeJS.ProcessEnv = {}): EnvProbe {
  const loaded = parseConfig(`version: 1\nenvironments:\n  prod:\n    env:\n${envYaml}${extra}`, path.join(dir, 'readiness.yaml'), {});
  return new EnvProbe({ loaded, signal: new AbortController().signal, processEnv });
}

describe('EnvProbe sources', () => {
  it('merges dotenv, json, command and process sources in order; later sources win; empty counts as missing', async () => {
    write('base.env', 'A=from-dotenv\nB=from-dotenv\nexport C="multi\nline"\nEMPTY=\n# comment\n');
    write('over.json', JSON.stringify({ B: 'from-json', N: 42, T: true, GONE: null }));
    const probe = probeFor(
      [
        '      - dotenv: base.env',
        '      - json: over.json',
        `      - { command: "printf 'D=from-kv\\\\nB=from-kv\\\\n'", format: kv }`,
        '      - { process: true, only: [APP_*] }',
      ].join('\n') + '\n',
      '',
      { APP_MODE: 'live', UNRELATED: 'x' },
    );
    const [view] = await probe.views('prod');
    expect(Object.fromEntries(view!.values)).toEqual({ A: 'from-dotenv', B: 'from-kv', C: 'multi\nline', N: '42', T: 'true', D: 'from-kv', APP_MODE: 'live' });
    expect([...view!.empty]).toEqual(['EMPTY']);
    expect(view!.origins.get('B')).toBe('environments.prod.env[2] (command printf)');
    expect(view!.label).toBe('prod');
  });

  it('parses command output as json, dotenv or kv, with multi-line values', async () => {
    const probe = probeFor(
      [
        `      - command: "echo '{\\"J\\": \\"1\\"}'"`,
        `      - { command: "printf 'K=\\"a\\\\\\\\nb\\"\\\\n'", format: dotenv }`,
        `      - { command: "printf 'PEM=-----BEGIN KEY-----\\\\nabc\\\\n-----END KEY-----\\\\nX=1\\\\n'", format: kv }`,
      ].join('\n') + '\n',
    );
    const [view] = await probe.views('prod');
    expect(view!.values.get('J')).toBe('1');
    expect(view!.values.get('K')).toBe('a\nb');
    expect(view!.values.get('PEM')).toBe('-----BEGIN KEY-----\nabc\n-----END KEY-----');
    expect(view!.values.get('X')).toBe('1');
  });

  it('gives one view per service named by the sources, shared sources in each', async () => {
    write('shared.env', 'NODE_ENV=production\n');
    write('api.env', 'JWT_SECRET=api-only\n');
    write('web.env', 'VITE_SENTRY_DSN=x\n');
    const probe = probeFor('      - dotenv: shared.env\n      - { dotenv: api.env, service: api }\n      - { dotenv: web.env, service: dashboard }\n');
    const views = await probe.views('prod');
    expect(views.map((v) => [v.label, [...v.values.keys()]])).toEqual([
      ['api', ['NODE_ENV', 'JWT_SECRET']],
      ['dashboard', ['NODE_ENV', 'VITE_SENTRY_DSN']],
    ]);
  });

  it('registers secret-looking values for redaction the moment they are read', async () => {
    const secret = 'Zq7-canary-JWT-9fK2mLp4Xw8Rt6Yb3';
    const urlPassword = 'Hx4-canary-pw-Lm9Qz2';
    write('secrets.env', `JWT_SECRET=${secret}\nREDIS_URL=redis://:${urlPassword}@cache:6379\nNODE_ENV=production\n`);
    await probeFor('      - dotenv: secrets.env\n').views('prod');
    expect(redactText(`a ${secret} b ${urlPassword} production`)).toBe('a [REDACTED] b [REDACTED] production');
  });
});

describe('EnvProbe failures', () => {
  it('reports a failing command with its stderr scrubbed, never its output or command line', async () => {
    const token = 'dp.st.prd.Zk29fj20aQxYw8Hq2LmPq';
    const probe = probeFor(`      - command: "echo 'JWT_SECRET=leak-Zk29fj20aQ'; echo 'auth failed for token ${token} password=Qm7pass' >&2; exit 3"\n`);
    const error = await probeFailure(probe.views('prod'));
    expect(error.code).toBe('unavailable');
    expect(error.message).toMatch(/^environments\.prod\.env\[0\] \(command echo\) exited with code 3; stderr: auth failed for token dp\.st\.\*\*\*\* password=\*\*\*\*$/);
    expect(error.message).not.toContain('leak-Zk29fj20aQ');
  });

  it('ends a command that runs past its timeout, with its own process group', async () => {
    const probe = probeFor('      - { command: "echo waiting >&2; sleep 30", timeout: 300ms }\n');
    const started = Date.now();
    const error = await probeFailure(probe.views('prod'));
    expect(error.code).toBe('timeout');
    expect(error.message).toBe('environments.prod.env[0] (command echo) did not finish within 300 ms; stderr: waiting');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('names the line of a malformed dotenv file but not its content', async () => {
    write('broken.env', 'A=1\nJWT_SECRET Zk29fj20aQ-no-equals\n');
    const error = await probeFailure(probeFor('      - dotenv: broken.env\n').views('prod'));
    expect(error.message).toBe('environments.prod.env[0] (dotenv broken.env) line 2 is not NAME=value (expected NAME=value, a # comment or a blank line)');
  });

  it('reports a missing file, invalid JSON and a nested JSON value clearly', async () => {
    expect((await probeFailure(probeFor('      - dotenv: nope.env\n').views('prod'))).message).toMatch(/cannot be read \(no such file\)/);
    write('bad.json', '{"JWT_SECRET": Zk29fj20aQ}');
    const invalid = await probeFailure(probeFor('      - json: bad.json\n').views('prod'));
    expect(invalid.message).toMatch(/is not valid JSON/);
    expect(invalid.message).not.toContain('Zk29fj20aQ');
    write('nested.json', '{"A": {"b": 1}}');
    expect((await probeFailure(probeFor('      - json: nested.json\n').views('prod'))).message).toMatch(/key "A" holds an object, expected a string/);
  });

  it('cannot read an environment whose ${VAR}s are unset here, and says which', async () => {
    const loaded = parseConfig(
      'version: 1\nenvironments:\n  prod:\n    env: [{ dotenv: a.env }]\n  staging:\n    env: [{ command: "railway variables --json" }]\n    database: { url: "${STAGING_DB}" }\n',
      path.join(dir, 'r.yaml'),
      {},
    );
    const probe = new EnvProbe({ loaded, signal: new AbortController().signal });
    expect(probe.allEnvironments()).toEqual(['prod', 'staging']);
    await expect(probe.secretDigests('staging')).rejects.toThrow('environment "staging" cannot be read here: STAGING_DB is not set');
  });
});

describe('env formats', () => {
  it('finds the lines dotenv would silently skip, outside multi-line quotes', () => {
    expect(malformedDotenvLines('A=1\n\n# c\nB="x\nnot a line of its own\n"\nbroken\nexport C=2\nD: 4\n')).toEqual([7]);
  });

  it('rejects JSON that is not a flat object', () => {
    expect(parseJsonVariables('[1]')).toEqual({ ok: false, problem: 'is JSON list, expected a flat object of NAME: "value"' });
  });

  it('rejects kv output that starts with a non-assignment', () => {
    expect(parseKvVariables('Logged in as x\nA=1')).toEqual({ ok: false, problem: 'line 1 is not NAME=value and continues no variable' });
  });
});
