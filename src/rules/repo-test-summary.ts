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

/**
 * The passed / failed / skipped counts from the end of a suite's output, for vitest, jest, mocha, node:test and
 * playwright; undefined when no known summary is there. Evidence only: the exit status is the verdict.
 */
export function suiteSummary(output: string): SuiteSummary | undefined {
  const text = output.replace(ANSI, '');
  const vitest = /^\s*Tests\s+(.*\(\d+\))\s*$/m.exec(text);
  if (vitest) {
    const line = vitest[1]!;
    return defined({ runner: 'vitest', passed: count(line, /(\d+) passed/g), failed: count(line, /(\d+) failed/g), skipped: count(line, /(\d+) skipped/g) });
  }
  const jest = /^Tests:\s+(.*\d+ total)\s*$/m.exec(text);
  if (jest) {
    const line = jest[1]!;
    return defined({ runner: 'jest', passed: count(line, /(\d+) passed/g), failed: count(line, /(\d+) failed/g), skipped: count(line, /(\d+) skipped/g) });
  }
  if (/^[#ℹ] (pass|tests) \d+\s*$/m.test(text)) {
    return defined({ runner: 'node:test', passed: count(text, /^[#ℹ] pass (\d+)\s*$/gm), failed: count(text, /^[#ℹ] fail (\d+)\s*$/gm), skipped: count(text, /^[#ℹ] skipped (\d+)\s*$/gm) });
  }
  if (/^\s*\d+ passing \(/m.test(text)) {
    return defined({ runner: 'mocha', passed: count(text, /^\s*(\d+) passing/gm), failed: count(text, /^\s*(\d+) failing/gm), skipped: count(text, /^\s*(\d+) pending/gm) });
  }
  if (/^\s*\d+ (passed|failed) \(\d/m.test(text)) {
    return defined({ runner: 'playwright', passed: count(text, /^\s*(\d+) passed/gm), failed: count(text, /^\s*(\d+) failed/gm), skipped: count(text, /^\s*(\d+) skipped/gm) });
  }
  return undefined;
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
