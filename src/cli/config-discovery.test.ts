import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../config/errors.js';
import { CONFIG_NAMES, discoverConfig } from './config-discovery.js';

describe('discoverConfig', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'readiness-discovery-'));
  const project = path.join(root, 'project');
  const deep = path.join(project, 'packages', 'web', 'src');
  mkdirSync(deep, { recursive: true });
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const none = {};

  it('prefers --config, then READINESS_CONFIG, then the search', () => {
    writeFileSync(path.join(project, 'readiness.config.yaml'), 'version: 1\n');
    expect(discoverConfig('given.yaml', deep, { READINESS_CONFIG: 'env.yaml' })).toBe('given.yaml');
    expect(discoverConfig(undefined, deep, { READINESS_CONFIG: 'env.yaml' })).toBe('env.yaml');
    // An empty variable is unset, as shells and CI matrices produce it.
    expect(discoverConfig(undefined, deep, { READINESS_CONFIG: '' })).toBe(path.join(project, 'readiness.config.yaml'));
  });

  it('finds readiness.config.yaml or .yml from the working directory upwards, the nearest first', () => {
    writeFileSync(path.join(project, 'readiness.config.yaml'), 'version: 1\n');
    expect(discoverConfig(undefined, deep, none)).toBe(path.join(project, 'readiness.config.yaml'));
    expect(discoverConfig(undefined, project, none)).toBe('readiness.config.yaml');
    const web = path.join(project, 'packages', 'web');
    writeFileSync(path.join(web, 'readiness.config.yml'), 'version: 1\n');
    expect(discoverConfig(undefined, deep, none)).toBe(path.join(web, 'readiness.config.yml'));
    rmSync(path.join(web, 'readiness.config.yml'));
  });

  it('refuses two names in one folder instead of choosing one silently', () => {
    for (const name of CONFIG_NAMES) writeFileSync(path.join(project, name), 'version: 1\n');
    expect(() => discoverConfig(undefined, deep, none)).toThrow(/both .*readiness\.config\.yaml and .*readiness\.config\.yml exist/);
    rmSync(path.join(project, 'readiness.config.yml'));
  });

  it('ignores a folder of that name', () => {
    rmSync(path.join(project, 'readiness.config.yaml'));
    const lone = path.join(root, 'lone');
    mkdirSync(path.join(lone, 'readiness.config.yaml'), { recursive: true });
    let found: string | undefined;
    try {
      found = discoverConfig(undefined, lone, none);
    } catch (error) {
      expect(error).toBeInstanceOf(UsageError);
      expect((error as Error).message).toMatch(/no readiness\.config\.yaml or readiness\.config\.yml in .*lone or any folder above it; write one with `npx go-live-readiness init`/);
    }
    // Another process may keep a config in a folder above the temporary directory; never the folder here.
    if (found !== undefined) expect(path.resolve(lone, found).startsWith(lone)).toBe(false);
  });
});
