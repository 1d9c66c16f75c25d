import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { probesFor, targetFrom } from '../../test/helpers/target.js';
import { defineCheck, type Check } from '../kit/check.js';
import { outcome } from '../core/outcome.js';
import { registerSecret } from '../core/redact.js';
import { runChecks, type RunSpec } from './runner.js';

const target = targetFrom('version: 1\nenvironments:\n  test:\n    services:\n      api: { url: "http://127.0.0.1:9" }\n');
const probes = probesFor(target);
afterEach(() => probes.close());

function check(id: string, run: Check['run'], extra: Partial<Check> = {}): Check {
  return defineCheck({
    id,
    section: 'security',
    item: id,
    severity: 'high',
    automation: 'automated',
    needs: [],
    verifies: 'test',
    how: 'test',
    remediation: 'fix it',
    run,
    ...extra,
  });
}

const spec = (checks: Check[], extra: Partial<RunSpec> = {}): RunSpec => ({ checks, target, probes, concurrency: 4, timeoutMs: 1_000, ...extra });

describe('runChecks', () => {
  it('reports every check in catalog order with identity, timing and default remediation', async () => {
    const { results } = await runChecks(
      spec([
        check('security.a', async () => outcome('fail', 'bad')),
        check('security.b', async () => outcome('pass', 'good', { evidence: { n: 1 } })),
      ]),
    );
    expect(results.map((r) => [r.id, r.status, r.remediation])).toEqual([
      ['security.a', 'fail', 'fix it'],
      ['security.b', 'pass', ''],
    ]);
    expect(results[1]?.evidence).toEqual({ n: 1 });
  });

  it('turns a thrown exception into error with the reason', async () => {
    const { results } = await runChecks(spec([check('security.a', async () => {
      throw new Error('kaboom');
    })]));
    expect(results[0]).toMatchObject({ status: 'error', message: 'the check crashed: kaboom' });
  });

  it('ends a hanging check as error when its timeout expires, and aborts its signal', async () => {
    let aborted = false;
    const { results } = await runChecks(
      spec([
        check('security.a', (ctx) => {
          ctx.signal.addEventListener('abort', () => (aborted = true));
          return new Promise(() => undefined);
        }),
      ], { timeoutMs: 50 }),
    );
    expect(results[0]).toMatchObject({ status: 'error', evidence: { reason: 'timeout', timeoutMs: 50 } });
    expect(aborted).toBe(true);
  });

  it('honours a per-check timeout override', async () => {
    const { results } = await runChecks(
      spec([check('security.a', () => new Promise(() => undefined))], { timeoutMs: 10_000, overrides: { 'security.a': { timeout: 30 } } }),
    );
    expect(results[0]?.message).toMatch(/timed out after 30 ms/);
  });

  it('rejects a malformed result instead of trusting it', async () => {
    const { results } = await runChecks(
      spec([
        check('security.a', async () => ({ status: 'passed', message: 'ok' }) as never),
        check('security.b', async () => ({ status: 'pass', message: '' })),
        check('security.c', async () => ({ status: 'pass', message: 'ok', evidence: { big: 1n } as never })),
      ]),
    );
    expect(results.map((r) => r.status)).toEqual(['error', 'error', 'error']);
    expect(results[0]?.message).toMatch(/malformed result/);
    expect(results[2]?.message).toMatch(/cannot be serialised/);
  });

  it('skips a check whose needs are not configured, naming the missing key', async () => {
    const { results } = await runChecks(spec([check('security.a', async () => outcome('pass', 'never'), { needs: ['database'] })]));
    expect(results[0]).toMatchObject({ status: 'skip', evidence: { missing: ['database'] } });
    expect(results[0]?.message).toContain('environments.test.database');
  });

  it.each([
    ['a line a person can attest', 'Incident response plan documented', 'an incident runbook link', 'manual'],
    ['a line conditional by its own text', 'WooCommerce/Magento webhook formats tested (if supporting)', 'a test delivery log', 'skip'],
    ['a line only a machine verifies', 'Helmet.js security headers configured', undefined, 'skip'],
  ] as const)('an unconfigured need leaves %s (%s) %s', async (_what, item, attestation, status) => {
    const { results } = await runChecks(spec([check('security.a', async () => outcome('pass', 'never'), { needs: ['repo'], item, ...(attestation ? { attestation } : {}) })]));
    expect(results[0]).toMatchObject({ status, evidence: { missing: ['repo'] } });
    expect(results[0]?.message).toContain('environments.test.repo');
    if (status === 'manual') expect(results[0]?.message).toMatch(/^not probed: environments\.test\.repo not configured .*; configure it so readiness verifies the line, or attest it: an incident runbook link$/);
  });

  it('skips a check that needs any one of several keys only when none of them is configured', async () => {
    const anyOf = (id: string, needs: Check['needs']) => check(id, async () => outcome('pass', 'ran'), { needs });
    const { results } = await runChecks(spec([anyOf('security.a', [['database', 'env']]), anyOf('security.b', [['database', 'services']])]));
    expect(results[0]).toMatchObject({ status: 'skip', evidence: { missing: [['database', 'env']] } });
    expect(results[0]?.message).toContain('environments.test.database or environments.test.env');
    expect(results[1]).toMatchObject({ status: 'pass', message: 'ran' });
  });

  it("parses each check's options itself, so a caller that passes none still gets the schema's defaults", async () => {
    const seen: unknown[] = [];
    const withOptions = (id: string) =>
      check(id, async (ctx) => (seen.push(ctx.options), outcome('pass', 'ok')), { options: z.strictObject({ maxResponseMs: z.number().default(5_000) }) });
    await runChecks(spec([withOptions('security.a')]));
    await runChecks(spec([withOptions('security.b')], { overrides: { 'security.b': { options: { maxResponseMs: 100 } } } }));
    expect(seen).toEqual([{ maxResponseMs: 5_000 }, { maxResponseMs: 100 }]);
    const { results } = await runChecks(spec([withOptions('security.c')], { overrides: { 'security.c': { options: { maxResponseMs: 'soon' } } } }));
    expect(results[0]).toMatchObject({ status: 'error' });
  });

  it('carries what the line verifies and how, so a report explains it without the catalog', async () => {
    const { results } = await runChecks(spec([check('security.a', async () => outcome('pass', 'ok'))]));
    expect(results[0]).toMatchObject({ verifies: 'test', how: 'test' });
  });

  it('applies a severity override', async () => {
    const { results } = await runChecks(spec([check('security.a', async () => outcome('fail', 'x'))], { overrides: { 'security.a': { severity: 'low' } } }));
    expect(results[0]?.severity).toBe('low');
  });

  it('runs checks concurrently up to the limit', async () => {
    let running = 0;
    let peak = 0;
    const slow = (id: string) =>
      check(id, async (ctx) => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((r) => setTimeout(r, 30));
        running--;
        return outcome('pass', 'ok');
      });
    await runChecks(spec(['a', 'b', 'c', 'd', 'e', 'f'].map((x) => slow(`security.${x}`)), { concurrency: 3 }));
    expect(peak).toBe(3);
  });

  it('on interrupt, ends running checks as error and still reports the unstarted ones', async () => {
    const controller = new AbortController();
    const hang = (id: string) => check(id, () => new Promise(() => undefined));
    setTimeout(() => controller.abort(), 30);
    const run = await runChecks(spec([hang('security.a'), hang('security.b'), hang('security.c')], { concurrency: 1, signal: controller.signal, timeoutMs: 5_000 }));
    expect(run.interrupted).toBe(true);
    expect(run.results).toHaveLength(3);
    expect(run.results[0]?.message).toMatch(/interrupted/);
    expect(run.results[2]?.message).toMatch(/not run/);
    expect(run.results.every((r) => r.status === 'error')).toBe(true);
  });

  it('redacts registered secrets from messages and evidence', async () => {
    registerSecret('tok_live_abcdef123456');
    const { results } = await runChecks(
      spec([check('security.a', async () => outcome('fail', 'saw tok_live_abcdef123456', { evidence: { value: 'tok_live_abcdef123456' } }))]),
    );
    expect(JSON.stringify(results)).not.toContain('tok_live_abcdef123456');
  });
});
