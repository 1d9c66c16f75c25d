import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const DEPCRUISE = path.join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
const run = promisify(execFile);

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

/** dependency-cruiser over `dirs` of `cwd`, with the project's rules (.dependency-cruiser.cjs). */
async function violations(cwd: string, dirs: string[]): Promise<Violation[]> {
  const args = [DEPCRUISE, ...dirs, '--config', path.join(ROOT, '.dependency-cruiser.cjs'), '--output-type', 'json'];
  const { stdout } = await run(process.execPath, args, { cwd, maxBuffer: 64 * 1024 * 1024 }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
  return (JSON.parse(stdout) as { summary: { violations: Violation[] } }).summary.violations;
}

describe('layers point one way', () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'readiness-layers-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('holds for the whole code base: core ← config ← probes ← rules ← kit ← checks ← run ← report ← reporters ← cli', async () => {
    const found = await violations(ROOT, ['src', 'checks', 'bin']);
    expect(found.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)).toEqual([]);
  });

  it('fails on a deliberately wrong import: core importing a rule, a check doing I/O, the CLI importing fixtures', async () => {
    const write = (file: string, text: string) => {
      mkdirSync(path.dirname(path.join(scratch, file)), { recursive: true });
      writeFileSync(path.join(scratch, file), text);
    };
    cpSync(path.join(ROOT, 'tsconfig.json'), path.join(scratch, 'tsconfig.json'));
    write('src/rules/health.ts', 'export const healthy = true;\n');
    write('src/core/outcome.ts', "import { healthy } from '../rules/health.js';\nexport const x = healthy;\n");
    write('checks/security/peek.ts', "import { readFileSync } from 'node:fs';\nexport const peek = readFileSync;\n");
    write('fixtures/demo/target.ts', 'export const target = 1;\n');
    write('src/cli/demo.ts', "import { target } from '../../fixtures/demo/target.js';\nexport const demo = target;\n");
    const found = await violations(scratch, ['src', 'checks']);
    expect(found.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort()).toEqual([
      'core-imports-upward: src/core/outcome.ts → src/rules/health.ts',
      'observation-outside-probes: checks/security/peek.ts → fs',
      'shipped-code-imports-fixtures-or-tests: src/cli/demo.ts → fixtures/demo/target.ts',
    ]);
  });
});
