import { outcome, fromFindings, type Finding } from '../core/outcome.js';
import type { CheckOutcome } from '../core/types.js';
import type { DefaultedTimestampColumn, SettingsFacts } from '../probes/postgres-catalog.js';
import { listNames } from './list-names.js';

/** IANA names PostgreSQL accepts for UTC itself (zero offset, never daylight saving). */
const UTC_NAMES = new Set(
  ['UTC', 'Etc/UTC', 'UCT', 'Etc/UCT', 'Universal', 'Etc/Universal', 'Zulu', 'Etc/Zulu', 'GMT', 'Etc/GMT', 'GMT0', 'Etc/GMT0', 'GMT+0', 'GMT-0', 'Etc/GMT+0', 'Etc/GMT-0', 'Greenwich', 'Etc/Greenwich'].map((n) =>
    n.toLowerCase(),
  ),
);

export function isUtc(zone: string): boolean {
  return UTC_NAMES.has(zone.trim().toLowerCase());
}

export interface TimezoneOptions {
  /** The zone the database must use; undefined means "UTC recommended". */
  expected?: string;
}

/**
 * The session's TimeZone and any ALTER DATABASE/ROLE override of it. A zone other than the expected one fails
 * when configured explicitly, or when `timestamp without time zone` columns default to now(): those store the
 * session's local time, which Prisma reads back as UTC — shifted data. Otherwise it warns (UTC recommended).
 */
export function judgeTimezone(settings: SettingsFacts, localDefaults: readonly DefaultedTimestampColumn[], options: TimezoneOptions): CheckOutcome {
  const zone = settings.settings.TimeZone;
  if (!zone) return outcome('error', 'TimeZone is not visible to this role', { evidence: { settings: Object.keys(settings.settings) } });
  const wanted = (value: string) => (options.expected === undefined ? isUtc(value) : value.toLowerCase() === options.expected.toLowerCase());
  const expectedLabel = options.expected ?? 'UTC';
  // An override equal to the session's own zone is what set it: the first finding already reports it.
  const overrides = (settings.overrides ?? []).filter((o) => o.name.toLowerCase() === 'timezone' && !wanted(o.value) && o.value !== zone.setting);
  const evidence = {
    timezone: zone.setting,
    source: zone.source,
    expected: expectedLabel,
    logTimezone: settings.settings.log_timezone?.setting ?? null,
    ...(overrides.length > 0 ? { overrides } : {}),
    localTimestampDefaults: localDefaults.slice(0, 50).map((c) => `${c.table}.${c.column}`),
  };
  const affected =
    localDefaults.length > 0
      ? ` ${localDefaults.length} timestamp-without-time-zone column(s) default to now() and store that local time (${listNames(localDefaults.map((c) => `${c.table}.${c.column}`), 5)}), which Prisma reads back as UTC`
      : '';
  const findings: Finding[] = [];
  const remediation = `ALTER DATABASE <db> SET timezone TO '${expectedLabel}'; (and remove ALTER ROLE … SET timezone overrides), set TZ=${expectedLabel} on every service, and prefer @db.Timestamptz(6) for DateTime fields.`;
  if (!wanted(zone.setting)) {
    const verified = options.expected !== undefined || localDefaults.length > 0;
    findings.push({
      status: verified ? 'fail' : 'warn',
      text: `TimeZone is ${zone.setting} (set by ${zone.source}), not ${expectedLabel}${options.expected === undefined ? ' as recommended' : ''}${affected ? `;${affected}` : ''}`,
      remediation,
    });
  }
  if (overrides.length > 0) {
    findings.push({
      status: options.expected !== undefined || localDefaults.length > 0 ? 'fail' : 'warn',
      text: `timezone overridden to ${listNames(overrides.map((o) => `${o.value} for ${o.role ? `role ${o.role}` : 'this database'}`))}: sessions of ${overrides.length > 1 ? 'those roles' : 'that role'} use another zone`,
      remediation,
    });
  }
  const found = fromFindings(findings, evidence);
  if (found) return found;
  return outcome('pass', `TimeZone is ${zone.setting}${options.expected === undefined ? '' : ' as configured'}`, { evidence });
}
