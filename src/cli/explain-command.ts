import { UsageError } from '../config/errors.js';
import { closest } from '../config/suggest.js';
import { sectionTitle } from '../core/sections.js';
import { out } from './output.js';
import { describeOptions } from './describe-options.js';

export async function explainCommand(id: string): Promise<void> {
  const { catalog } = await import('../../checks/index.js');
  const check = catalog.find((c) => c.id === id);
  if (!check) {
    const suggestion = closest(id, catalog.map((c) => c.id));
    throw new UsageError(`unknown check id "${id}"${suggestion ? `; did you mean "${suggestion}"?` : ''} (readiness list shows every id)`);
  }
  const needs =
    check.needs.length > 0
      ? check.needs.map((n) => `environments.<name>.${n}`).join(', ') + ' (absent → the check reports skip)'
      : 'nothing from the config';
  const lines = [
    `${check.id}`,
    `  Checklist line: ${check.item}`,
    `  Section:        ${sectionTitle(check.section)}`,
    `  Severity:       ${check.severity}`,
    `  Automation:     ${check.automation}`,
    '',
    `What it verifies\n  ${check.verifies}`,
    '',
    `How\n  ${check.how}`,
    '',
    `Needs in readiness.config.yaml\n  ${needs}`,
  ];
  if (check.options) lines.push('', `Options (checks.${check.id}.options in the config)`, ...describeOptions(check.options));
  if (check.attestation) lines.push('', `Evidence to attach when attesting\n  ${check.attestation}`);
  lines.push('', `Remediation\n  ${check.remediation.split('\n').join('\n  ')}`);
  out(`${lines.join('\n')}\n`);
}
