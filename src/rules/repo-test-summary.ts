/** Counts a test runner printed in its summary; a count the runner did not print is left out. */
export interface SuiteSummary {
  runner: 'vitest' | 'jest' | 'mocha' | 'node:test' | 'playwright';
  passed?: number;
  failed?: number;
  skipped?: number;
}

// What is left of colour codes once control characters are masked ("\x1b[32m" → " [32m").
const ANSI = /(\x1b)?\[[0-9;]*m/g;

function count(text: string, pattern: RegExp): number | undefined {
  const matches = [...text.matchAll(pattern)];
  const last = matches[matches.length - 1];
  return last ? Number(last[1]) : undefined;
}

function defined(summary: SuiteSummary): SuiteSummary {
  return Object.fromEntries(Object.entries(summary).filter(([, v]) => v !== undefined)) as unknown as SuiteSummary;
}

type Parser = (text: string) => SuiteSummary | undefined;

const PARSERS: readonly Parser[] = [
  // vitest: " Tests  1 failed | 2 passed | 1 skipped (4)"
  (text) => {
    const line = /^\s*Tests\s+(.*\(\d+\))\s*$/m.exec(text)?.[1];
    return line === undefined ? undefined : defined({ runner: 'vitest', passed: count(line, /(\d+) passed/g), failed: count(line, /(\d+) failed/g), skipped: count(line, /(\d+) skipped/g) });
  },
  // jest: "Tests:       1 failed, 1 skipped, 2 passed, 4 total"
  (text) => {
    const line = /^Tests:\s+(.*\d+ total)\s*$/m.exec(text)?.[1];
    return line === undefined ? undefined : defined({ runner: 'jest', passed: count(line, /(\d+) passed/g), failed: count(line, /(\d+) failed/g), skipped: count(line, /(\d+) skipped/g) });
  },
  // node:test, TAP ("# pass 2") or spec ("ℹ pass 2") reporter
  (text) =>
    /^[#ℹ] (pass|tests) \d+\s*$/m.test(text)
      ? defined({ runner: 'node:test', passed: count(text, /^[#ℹ] pass (\d+)\s*$/gm), failed: count(text, /^[#ℹ] fail (\d+)\s*$/gm), skipped: count(text, /^[#ℹ] skipped (\d+)\s*$/gm) })
      : undefined,
  // mocha: "  2 passing (4ms)" / "  1 pending" / "  1 failing"
  (text) =>
    /^\s*\d+ passing \(/m.test(text)
      ? defined({ runner: 'mocha', passed: count(text, /^\s*(\d+) passing/gm), failed: count(text, /^\s*(\d+) failing/gm), skipped: count(text, /^\s*(\d+) pending/gm) })
      : undefined,
  // playwright (list, line and dot reporters): "  1 failed" followed by the failed tests' headers ("file:4:1 › title"),
  // "  1 skipped", "  2 passed (1.2s)". The duration rides on the passed line only, which is absent when nothing passed.
  (text) => {
    const passedLine = /^\s*\d+ passed \(\d/m.test(text);
    const failedBlock = /^\s*\d+ (failed|interrupted)\r?\n\s+.*:\d+:\d+ › /m.test(text);
    if (!passedLine && !failedBlock) return undefined;
    const failed = count(text, /^\s*(\d+) failed\s*$/gm);
    const interrupted = count(text, /^\s*(\d+) interrupted\s*$/gm);
    const unfinished = failed === undefined && interrupted === undefined ? undefined : (failed ?? 0) + (interrupted ?? 0);
    return defined({ runner: 'playwright', passed: count(text, /^\s*(\d+) passed \(/gm) ?? 0, failed: unfinished ?? 0, skipped: count(text, /^\s*(\d+) skipped\s*$/gm) });
  },
];

/** Every runner summary found in the output (a script may run two runners one after the other). */
export function suiteSummaries(output: string): SuiteSummary[] {
  const text = output.replace(ANSI, '');
  return PARSERS.map((parse) => parse(text)).filter((summary): summary is SuiteSummary => summary !== undefined);
}

/**
 * The passed / failed / skipped counts from the end of a suite's output, for vitest, jest, mocha, node:test and
 * playwright; undefined when no known summary is there. When two runners printed a summary, the one reporting
 * failures is the one kept, so a passing first runner cannot hide a failing second one. Evidence only, except that
 * failures reported after exit 0 still fail the suite.
 */
export function suiteSummary(output: string): SuiteSummary | undefined {
  const summaries = suiteSummaries(output);
  return summaries.find((summary) => (summary.failed ?? 0) > 0) ?? summaries[0];
}

/** npm init's placeholder: `echo "Error: no test specified" && exit 1`. */
export function isNpmTestStub(script: string): boolean {
  return /no test specified/i.test(script);
}

export function describeSummary(summary: SuiteSummary | undefined): string {
  if (!summary) return 'no runner summary recognised';
  const parts = [summary.passed !== undefined ? `${summary.passed} passed` : '', summary.failed !== undefined ? `${summary.failed} failed` : '', summary.skipped !== undefined ? `${summary.skipped} skipped` : ''].filter(Boolean);
  return `${summary.runner}: ${parts.join(', ') || 'no counts'}`;
}
