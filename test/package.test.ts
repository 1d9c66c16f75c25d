import { execFile, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hardenedApi } from '../fixtures/apps/hardened-api.js';
import { serve, type RunningServer } from '../fixtures/apps/serve.js';
import { INIT_TEMPLATE, SCHEMA_LOCATION } from '../src/config/init-template.js';
import { reportSchema } from '../src/report/schema.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const run = promisify(execFile);
/** Packing builds (prepack) and installing resolves the dependencies: minutes on a loaded machine, never a measure. */
const SLOW = 600_000;

/** What `npm run build` reads, beside what `files` ships. */
const SOURCES = ['package.json', 'tsconfig.json', 'tsconfig.build.json', 'src', 'checks', 'fixtures', 'scripts'];

interface PackedFile {
  path: string;
}

const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  bin: Record<string, string>;
  files: string[];
  scripts: Record<string, string>;
};

function spawnInstalled(bin: string, args: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { cwd, env: { ...process.env, NO_COLOR: '1', CI: '', FORCE_COLOR: '', READINESS_CONFIG: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('package.json', () => {
  it('publishes under a name of its own and installs the `readiness` command', () => {
    // `readiness` on npm is an unrelated package (npm view readiness); ours must never be confused with it.
    expect(pkg.name).toBe('go-live-readiness');
    expect(pkg.bin).toEqual({ readiness: 'bin/readiness.js' });
    // A clean build: files of modules since deleted must not ride along in dist/.
    expect(pkg.scripts.prepack).toMatch(/rmSync\('dist'.* && npm run build$/);
    expect(existsSync(path.join(ROOT, 'LICENSE'))).toBe(true);
    expect(readFileSync(path.join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
  });

  it("README's commands name the published package", () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(`npx ${pkg.name} init`);
    expect(readme).toContain(`npx ${pkg.name} check prod`);
    // `npx readiness` would fetch and run the unrelated package.
    expect(readme).not.toMatch(/npx readiness (init|check)/);
    expect(SCHEMA_LOCATION).toBe(`./node_modules/${pkg.name}/schema/config.schema.json`);
  });
});

describe('the example readiness.config.yaml at the repository root', () => {
  it('is exactly what `readiness init` writes (regenerate it with npm run schema)', () => {
    expect(readFileSync(path.join(ROOT, 'readiness.config.yaml'), 'utf8')).toBe(INIT_TEMPLATE);
  });
});

describe('the packed tarball, installed into an empty project', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'readiness-package-'));
  const project = path.join(work, 'project');
  const bin = path.join(project, 'node_modules', '.bin', 'readiness');
  let files: string[] = [];
  let api: RunningServer;

  beforeAll(async () => {
    api = await serve(hardenedApi());
    // Packed from a copy of the sources without dist/, so the tarball's dist/ can only come from prepack; the copy
    // also keeps that build from rewriting the dist/ other test files are running.
    const clone = path.join(work, 'clone');
    for (const entry of [...SOURCES, ...pkg.files.filter((f) => !f.startsWith('dist/') && !f.startsWith('!'))]) {
      if (existsSync(path.join(ROOT, entry))) cpSync(path.join(ROOT, entry), path.join(clone, entry), { recursive: true });
    }
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(clone, 'node_modules'), 'dir');
    const packed = await run('npm', ['pack', '--json', '--pack-destination', work], { cwd: clone, maxBuffer: 64 * 1024 * 1024 });
    const manifest = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as { filename: string; files: PackedFile[] }[];
    files = manifest[0]!.files.map((f) => f.path);
    mkdirSync(project);
    writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'scratch-project', private: true }));
    await run('npm', ['install', path.join(work, manifest[0]!.filename), '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline'], {
      cwd: project,
      maxBuffer: 64 * 1024 * 1024,
    });
  }, SLOW);
  afterAll(async () => {
    await api?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('ships the built CLI, the schemas, the checklist, README and LICENSE, and nothing else', () => {
    const allowed = /^(bin\/readiness\.js|dist\/src\/.+\.(js|json)|dist\/checks\/.+\.js|schema\/[^/]+\.json|checklist\/[^/]+\.md|README\.md|LICENSE|package\.json)$/;
    expect(files.filter((f) => !allowed.test(f))).toEqual([]);
    for (const needed of ['bin/readiness.js', 'dist/src/cli/main.js', 'dist/checks/index.js', 'schema/config.schema.json', 'schema/report.schema.json', 'LICENSE', 'README.md']) {
      expect(files).toContain(needed);
    }
    expect(files.some((f) => f.startsWith('checklist/'))).toBe(true);
    expect(files.filter((f) => /\.test\.|fixtures\/|recordings\/|\.tsbuildinfo$/.test(f))).toEqual([]);
  });

  it('`readiness --help` runs from the installed package', async () => {
    const help = await spawnInstalled(bin, ['--help'], project);
    expect(help.stderr).toBe('');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: readiness /);
    expect(help.stdout).not.toMatch(/not built yet/);
  }, SLOW);

  it('`readiness init` writes a config whose $schema modeline resolves inside the installed package', async () => {
    const init = await spawnInstalled(bin, ['init'], project);
    expect(init.code).toBe(0);
    const written = readFileSync(path.join(project, 'readiness.config.yaml'), 'utf8');
    expect(written).toBe(INIT_TEMPLATE);
    expect(existsSync(path.resolve(project, SCHEMA_LOCATION))).toBe(true);
  }, SLOW);

  it('`readiness check` finds the nearest config from a subfolder and checks a local server', async () => {
    const site = path.join(project, 'site');
    const deep = path.join(site, 'src', 'deep');
    mkdirSync(deep, { recursive: true });
    writeFileSync(path.join(site, 'readiness.config.yml'), `version: 1\nenvironments:\n  prod:\n    services:\n      api: { url: "${api.url}" }\n`);
    const check = await spawnInstalled(bin, ['check', 'prod', '--only', 'deployment.services-deployed,security.cors-origins', '--format', 'json'], deep);
    expect(check.stderr).not.toMatch(/^\s+at /m);
    expect(check.code).toBe(0);
    const report = reportSchema.parse(JSON.parse(check.stdout));
    expect(report.tool.name).toBe('readiness');
    expect(report.results.map((r) => [r.id, r.status]).sort()).toEqual([
      ['deployment.services-deployed', 'pass'],
      ['security.cors-origins', 'pass'],
    ]);
    // Machine output on stdout: stderr still ends with the gate's verdict.
    expect(check.stderr.trimEnd().split('\n').at(-1)).toMatch(/^Gate \(fail on high\): PASSED — 2 pass; Production Go-Live Approved: NO$/);
  }, SLOW);
});
