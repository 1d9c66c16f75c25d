import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CheckContext } from '../src/kit/check.js';
import { SECTIONS, type SectionId } from '../src/core/sections.js';
import { catalog } from './index.js';

interface SeedLine {
  item: string;
  section: SectionId;
  /** Index of the line in the seed file, for the Launch Day Protocol split. */
  lineNo: number;
}

const SEED_URL = new URL('../checklist/production-readiness-checklist.md', import.meta.url);
const CHECKS_DIR = new URL('./', import.meta.url);

function stripEmoji(text: string): string {
  return text.replace(/[\p{Extended_Pictographic}\u{FE0F}\u{200D}]/gu, '').trim();
}

function sectionForHeading(heading: string): SectionId | undefined {
  return SECTIONS.find((s) => s.heading === heading)?.id;
}

function parseSeed(): { lines: SeedLine[]; launchDayLineNo: number; unattributed: string[] } {
  const text = readFileSync(SEED_URL, 'utf8');
  const lines: SeedLine[] = [];
  const unattributed: string[] = [];
  let current: SectionId | undefined;
  let launchDayLineNo = -1;
  text.split(/\r?\n/).forEach((raw, lineNo) => {
    const heading = /^#{2,3} (.*)$/.exec(raw);
    if (heading) {
      const title = stripEmoji(heading[1] ?? '');
      if (title === 'Launch Day Protocol') launchDayLineNo = lineNo;
      current = sectionForHeading(title);
      return;
    }
    if (raw.trim() === '**Sign-off:**') {
      current = sectionForHeading('Sign-off:');
      return;
    }
    const line = /^- \[ \] (.*)$/.exec(raw);
    if (line) {
      const item = line[1] ?? '';
      if (current === undefined) unattributed.push(item);
      else lines.push({ item, section: current, lineNo });
    }
  });
  return { lines, launchDayLineNo, unattributed };
}

const seed = parseSeed();

function slugOf(id: string, section: string): string {
  return id.slice(section.length + 1);
}

describe('seed checklist', () => {
  it('has 119 lines, each under a known section', () => {
    expect(seed.unattributed).toEqual([]);
    expect(seed.lines).toHaveLength(119);
  });

  it('splits 96 items + 20 launch-day lines + 3 sign-offs', () => {
    expect(seed.launchDayLineNo).toBeGreaterThan(0);
    const beforeLaunchDay = seed.lines.filter((l) => l.lineNo < seed.launchDayLineNo);
    const launchSections: readonly SectionId[] = ['launch-before', 'launch-at', 'launch-after-1h', 'launch-after-24h'];
    const launch = seed.lines.filter((l) => launchSections.includes(l.section));
    const signoff = seed.lines.filter((l) => l.section === 'signoff');
    expect(beforeLaunchDay).toHaveLength(96);
    expect(launch).toHaveLength(20);
    expect(launch.every((l) => l.lineNo > seed.launchDayLineNo)).toBe(true);
    expect(signoff).toHaveLength(3);
  });
});

describe('catalog', () => {
  it('has one check per seed line', () => {
    expect(catalog).toHaveLength(119);
  });

  it('has unique ids and unique items', () => {
    expect(new Set(catalog.map((c) => c.id)).size).toBe(catalog.length);
    expect(new Set(catalog.map((c) => c.item)).size).toBe(catalog.length);
  });

  it('maps every seed line to exactly one check in the same section', () => {
    for (const line of seed.lines) {
      const matches = catalog.filter((c) => c.item === line.item);
      expect(matches, `seed line "${line.item}"`).toHaveLength(1);
      expect(matches[0]?.section, `section of "${line.item}"`).toBe(line.section);
    }
  });

  it('follows the seed order', () => {
    expect(catalog.map((c) => c.item)).toEqual(seed.lines.map((l) => l.item));
    expect(catalog.map((c) => c.section)).toEqual(seed.lines.map((l) => l.section));
  });

  it('prefixes every id with its section', () => {
    for (const check of catalog) {
      expect(check.id.startsWith(`${check.section}.`), check.id).toBe(true);
      expect(slugOf(check.id, check.section)).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    }
  });

  it('keeps each module at checks/<section>/<slug>.ts, exporting that check', async () => {
    for (const check of catalog) {
      const file = new URL(`./${check.section}/${slugOf(check.id, check.section)}.ts`, CHECKS_DIR);
      expect(existsSync(file), fileURLToPath(file)).toBe(true);
      const mod = (await import(file.href)) as { default?: unknown };
      expect(mod.default, `default export of ${fileURLToPath(file)}`).toBe(check);
    }
  });

  it('has no module files outside the catalog', () => {
    const expected = new Set(catalog.map((c) => `${c.section}/${slugOf(c.id, c.section)}.ts`));
    const found: string[] = [];
    for (const section of SECTIONS) {
      const dir = new URL(`./${section.id}/`, CHECKS_DIR);
      if (!existsSync(dir)) continue;
      for (const name of readdirSync(dir)) {
        if (name.endsWith('.ts') && !name.endsWith('.test.ts')) found.push(`${section.id}/${name}`);
      }
    }
    expect(found.filter((f) => !expected.has(f))).toEqual([]);
  });

  it('gives every manual check a concrete attestation', () => {
    for (const check of catalog.filter((c) => c.automation === 'manual')) {
      expect(check.attestation?.trim().length ?? 0, check.id).toBeGreaterThanOrEqual(40);
    }
  });

  it('never lets a manual check pass on its own', async () => {
    const ctx = {} as unknown as CheckContext;
    for (const check of catalog.filter((c) => c.automation === 'manual')) {
      const result = await check.run(ctx);
      expect(result.status, check.id).not.toBe('pass');
      expect(result.status, check.id).toBe('manual');
    }
  });
});
