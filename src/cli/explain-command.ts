import { manifest } from '../../checks/manifest.js';
import { UsageError } from '../config/errors.js';
import { didYouMean } from '../config/suggest.js';
import { sectionTitle } from '../core/sections.js';
import { out } from './output.js';

export async function explainCommand(id: string): Promise<void> {
  const check = manifest.find((c) => c.id === id);
  if (!check) {
    throw new UsageError(`unknown check id "${id}"${didYouMean(id, manifest.map((c) => c.id))} (readiness list shows every id)`);
  }
  const needs =
    check.needs.length > 0
      ? check.needs.map((n) => (typeof n === 'string' ? [n] : n).map((key) => `environments.<name>.${key}`).join(' or ')).join(', ') + ' (absent → the check reports skip)'
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
  if (check.optionLines) lines.push('', `Options (checks.${check.id}.options in the config)`, ...check.optionLines);
  if (check.attestation) lines.push('', `Evidence to attach when attesting\n  ${check.attestation}`);
  lines.push('', `Remediation\n  ${check.remediation.split('\n').join('\n  ')}`);
  out(`${lines.join('\n')}\n`);
}
