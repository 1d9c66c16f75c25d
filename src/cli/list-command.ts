import { manifest } from '../../checks/manifest.js';
import { UsageError } from '../config/errors.js';
import { isSectionId, SECTION_IDS } from '../core/sections.js';
import { out } from './output.js';
import { splitList } from './selection.js';

export async function listCommand(options: { section?: string; json?: boolean }): Promise<void> {
  const sections = splitList(options.section);
  for (const section of sections ?? []) {
    if (!isSectionId(section)) throw new UsageError(`--section ${section}: unknown section; sections are ${SECTION_IDS.join(', ')}`);
  }
  const checks = manifest.filter((c) => !sections || sections.includes(c.section));
  if (options.json) {
    out(`${JSON.stringify(checks.map(({ id, section, severity, automation, needs, item }) => ({ id, section, severity, automation, needs, item })), null, 2)}\n`);
    return;
  }
  const idWidth = Math.max(...checks.map((c) => c.id.length));
  const rows = checks.map((c) => `${c.id.padEnd(idWidth)}  ${c.severity.padEnd(8)}  ${c.automation.padEnd(9)}  ${c.item}`);
  out(`${'ID'.padEnd(idWidth)}  SEVERITY  AUTOMATION ITEM\n${rows.join('\n')}\n`);
  const count = (a: string) => checks.filter((c) => c.automation === a).length;
  out(`\n${checks.length} checks: ${count('automated')} automated, ${count('partial')} partial, ${count('manual')} manual\n`);
}
