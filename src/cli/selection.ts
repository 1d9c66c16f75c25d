import { UsageError } from '../config/errors.js';
import { didYouMean } from '../config/suggest.js';
import type { CheckOverride } from '../config/schema/index.js';
import type { Check } from '../kit/check.js';
import { isSectionId, SECTION_IDS } from '../core/sections.js';
import { atLeast, SEVERITIES, type Severity } from '../core/types.js';

export interface SelectionFilters {
  only?: string[];
  skip?: string[];
  section?: string[];
  severity?: Severity;
}

/** Applies --only/--skip/--section/--severity and `enabled: false` overrides. Unknown ids are usage errors, not silence. */
export function selectChecks(
  catalog: readonly Check[],
  filters: SelectionFilters,
  overrides: Readonly<Record<string, CheckOverride>> = {},
): Check[] {
  const ids = catalog.map((c) => c.id);
  const matchers = (patterns: string[] | undefined, flag: string) =>
    patterns?.map((pattern) => {
      const regex = globToRegex(pattern);
      if (!ids.some((id) => regex.test(id))) {
        throw new UsageError(`${flag} ${pattern}: no check has this id${didYouMean(pattern, ids, { quote: false })} (readiness list shows every id)`);
      }
      return regex;
    });
  const only = matchers(filters.only, '--only');
  const skip = matchers(filters.skip, '--skip');
  for (const section of filters.section ?? []) {
    if (!isSectionId(section)) {
      throw new UsageError(`--section ${section}: unknown section${didYouMean(section, SECTION_IDS, { quote: false })}; sections are ${SECTION_IDS.join(', ')}`);
    }
  }
  return catalog.filter((check) => {
    const severity = overrides[check.id]?.severity ?? check.severity;
    if (overrides[check.id]?.enabled === false) return false;
    if (only && !only.some((r) => r.test(check.id))) return false;
    if (skip?.some((r) => r.test(check.id))) return false;
    if (filters.section && !filters.section.includes(check.section)) return false;
    if (filters.severity && !atLeast(severity, filters.severity)) return false;
    return true;
  });
}

export function parseSeverity(value: string, flag: string): Severity {
  if ((SEVERITIES as readonly string[]).includes(value)) return value as Severity;
  throw new UsageError(`${flag} ${value}: expected one of ${SEVERITIES.join(', ')}`);
}

/** `security.*` selects a section's checks; `*` stands for any run of characters. */
function globToRegex(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`);
}

export function splitList(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const items = value.split(',').map((s) => s.trim()).filter(Boolean);
  return items.length > 0 ? items : undefined;
}
