import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeSummary, suiteSummaries, suiteSummary, type SuiteSummary } from './repo-test-summary.js';

/** Real runner output captured by scripts/capture-suite-outputs.sh (versions in each file's first line). */
const output = (name: string): string => readFileSync(path.resolve('fixtures/suite-outputs', `${name}.txt`), 'utf8');

const CAPTURED: ReadonlyArray<{ file: string; summary: SuiteSummary }> = [
  { file: 'jest-pass', summary: { runner: 'jest', passed: 3, skipped: 1 } },
  { file: 'jest-fail', summary: { runner: 'jest', passed: 2, failed: 1, skipped: 1 } },
  { file: 'mocha-pass', summary: { runner: 'mocha', passed: 3, skipped: 1 } },
  { file: 'mocha-fail', summary: { runner: 'mocha', passed: 2, failed: 1, skipped: 1 } },
  { file: 'playwright-pass', summary: { runner: 'playwright', passed: 3, failed: 0, skipped: 1 } },
  { file: 'playwright-fail', summary: { runner: 'playwright', passed: 2, failed: 1, skipped: 1 } },
  { file: 'playwright-dot-pass', summary: { runner: 'playwright', passed: 3, failed: 0, skipped: 1 } },
  { file: 'playwright-dot-fail', summary: { runner: 'playwright', passed: 2, failed: 1, skipped: 1 } },
  { file: 'node-test-tap-pass', summary: { runner: 'node:test', passed: 3, failed: 0, skipped: 1 } },
  { file: 'node-test-tap-fail', summary: { runner: 'node:test', passed: 2, failed: 1, skipped: 1 } },
  { file: 'node-test-spec-pass', summary: { runner: 'node:test', passed: 3, failed: 0, skipped: 1 } },
  { file: 'node-test-spec-fail', summary: { runner: 'node:test', passed: 2, failed: 1, skipped: 1 } },
  { file: 'vitest-pass', summary: { runner: 'vitest', passed: 3, skipped: 1 } },
  { file: 'vitest-fail', summary: { runner: 'vitest', passed: 2, failed: 1, skipped: 1 } },
];

describe('suite summaries parsed from real runner output', () => {
  for (const { file, summary } of CAPTURED) {
    it(`${file} → ${describeSummary(summary)}`, () => {
      const text = output(file);
      expect(suiteSummary(text)).toEqual(summary);
      expect(suiteSummaries(text), 'exactly one runner recognised').toHaveLength(1);
    });
  }

  it('keeps counts through colour codes, as a TTY-forced runner prints them', () => {
    const coloured = output('jest-fail').replace('Tests:       1 failed', 'Tests:       \x1b[1m\x1b[31m1 failed\x1b[39m\x1b[22m');
    expect(suiteSummary(coloured)).toEqual({ runner: 'jest', passed: 2, failed: 1, skipped: 1 });
  });

  it('recognises a playwright run in which nothing passed (no duration line is printed then)', () => {
    const text = output('playwright-fail').replace(/^ {2}1 skipped\n {2}2 passed \(.*\)\n?/m, '').replace(/^ {2}1 failed$/m, '  3 failed');
    expect(suiteSummary(text)).toEqual({ runner: 'playwright', passed: 0, failed: 3 });
  });

  it('a failing second runner is not hidden by a passing first one', () => {
    const both = `${output('vitest-pass')}\n${output('mocha-fail')}`;
    expect(suiteSummaries(both).map((s) => s.runner)).toEqual(['vitest', 'mocha']);
    expect(suiteSummary(both)).toMatchObject({ runner: 'mocha', failed: 1 });
  });

  it('recognises nothing in output that is no runner summary', () => {
    expect(suiteSummary('building…\ndone in 3s\n')).toBeUndefined();
    expect(describeSummary(undefined)).toBe('no runner summary recognised');
  });
});
