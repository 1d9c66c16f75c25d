import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RepoCommandsProbe } from './repo-commands.js';

const dir = mkdtempSync(path.join(tmpdir(), 'readiness-repo-commands-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Running, as opposed to gone or a zombie (a container's PID 1 may never reap the orphan it inherits). */
function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

describe('repo-commands probe', () => {
  const signal = new AbortController().signal;

  it('runs in the repository, reports the exit status and keeps a scrubbed tail', async () => {
    const probe = new RepoCommandsProbe(dir, 10_000, signal);
    writeFileSync(path.join(dir, 'marker.txt'), 'in the repository\n');
    const run = await probe.run('cat marker.txt; echo "API_TOKEN=Zq8vR2mX7pL4tK9wB3nY6hC1fD5s"; exit 3');
    expect(run.exitCode).toBe(3);
    expect(run.outputTail).toContain('in the repository');
    expect(run.outputTail).not.toContain('Zq8vR2mX7pL4tK9wB3nY6hC1fD5s');
  });

  it('runs a command once per run', async () => {
    const probe = new RepoCommandsProbe(dir, 10_000, signal);
    expect(probe.run('true')).toBe(probe.run('true'));
  });

  it('has no stdin: a suite waiting for input ends at once', async () => {
    const run = await new RepoCommandsProbe(dir, 10_000, signal).run('read line; echo "got [$line]"');
    expect(run.outputTail).toContain('got []');
  });

  it('kills the whole process group at the time limit', async () => {
    const probe = new RepoCommandsProbe(dir, 1_000, signal);
    await expect(probe.run('sleep 30 & echo $! > child.pid; wait')).rejects.toThrow(/did not finish within 1000 ms/);
    const child = Number(readFileSync(path.join(dir, 'child.pid'), 'utf8'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(running(child)).toBe(false);
  });

  it('ends a suite past the output cap, as an error', async () => {
    const probe = new RepoCommandsProbe(dir, 30_000, signal);
    await expect(probe.run('yes readiness')).rejects.toThrow(/printed more than 4 MiB/);
  });

  it('says why without a repository', async () => {
    await expect(new RepoCommandsProbe(undefined, 1_000, signal).run('true')).rejects.toThrow(/no repository configured/);
  });
});

describe('repo-commands probe closing with the run', () => {
  it('ends a suite still running when the run closes, process group included', async () => {
    const probe = new RepoCommandsProbe(dir, 60_000, new AbortController().signal);
    const pending = probe.run('sleep 30 & echo $! > closed.pid; wait');
    await new Promise((resolve) => setTimeout(resolve, 500));
    await probe.close();
    await expect(pending).rejects.toThrow(/stopped before it finished/);
    const child = Number(readFileSync(path.join(dir, 'closed.pid'), 'utf8'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(running(child)).toBe(false);
  });
});
