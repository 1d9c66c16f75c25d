import { describe, expect, it } from 'vitest';
import { runBoundedArgv } from './command.js';

const base = { cwd: process.cwd(), signal: new AbortController().signal, timeoutMs: 20_000, maxStdoutBytes: 1024 };
const env = { PATH: process.env.PATH ?? '/usr/bin:/bin' };

describe('runBoundedArgv: a program started from an argument vector, bounded', () => {
  it('passes each argument as it is: shell syntax inside one is never interpreted', async () => {
    const hostile = '"; echo pwned; $(touch /tmp/readiness-argv-pwned) `id`';
    const result = await runBoundedArgv('node', ['-e', 'process.stdout.write(JSON.stringify(process.argv.slice(1)))', hostile, '$HOME'], { ...base, env });
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([hostile, '$HOME']);
  });

  it('gives the child exactly the environment it was handed', async () => {
    const result = await runBoundedArgv('node', ['-e', 'process.stdout.write(JSON.stringify(Object.keys(process.env).filter((k) => k.startsWith("READINESS_"))))'], {
      ...base,
      env: { ...env, READINESS_ONLY_THIS: '1' },
    });
    expect(JSON.parse(result.stdout)).toEqual(['READINESS_ONLY_THIS']);
  });

  it('ends the program at the output cap and says the output was cut', async () => {
    const result = await runBoundedArgv('node', ['-e', 'process.stdout.write("x".repeat(100000)); setTimeout(() => {}, 30000)'], { ...base, env });
    expect(result.truncated).toBe(true);
    expect(result.stdoutBytes).toBe(1024);
  });

  it('kills the program at its time limit with a timeout error', async () => {
    await expect(runBoundedArgv('node', ['-e', 'setTimeout(() => {}, 30000)'], { ...base, timeoutMs: 300, env })).rejects.toMatchObject({ code: 'timeout' });
  });

  it('reports a program that does not exist as unavailable, not a crash', async () => {
    await expect(runBoundedArgv('readiness-no-such-program', [], { ...base, env })).rejects.toMatchObject({ code: 'unavailable' });
  });
});
