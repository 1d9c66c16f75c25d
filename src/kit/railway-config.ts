import path from 'node:path';
import { combine, outcome, type Part } from '../core/outcome.js';
import type { CheckOutcome } from '../core/types.js';
import type { ServiceConfig } from '../config/schema/services.js';
import { repoProbe } from '../probes/repo.js';
import { parseRailwayConfig, RAILWAY_CONFIG_FILES, type RailwayConfig } from '../rules/railway-config.js';
import type { CheckContext } from './check.js';
import { probeFailure } from './probe-failure.js';

/** Where one service's Railway config lives: `services.<name>.repoPath`, or the repository root. */
export interface RailwayTarget {
  label: string;
  folder: string;
  service?: ServiceConfig;
}

export function railwayTargets(ctx: CheckContext<unknown>): RailwayTarget[] {
  const services = Object.entries(ctx.environment.services ?? {});
  if (services.length === 0) return [{ label: 'repository', folder: '.' }];
  return services.map(([name, service]) => ({ label: name, folder: service.repoPath ?? '.', service }));
}

/** The first Railway config file of a folder, parsed; undefined when the folder holds none. */
export async function railwayConfigIn(ctx: CheckContext<unknown>, folder: string): Promise<RailwayConfig | undefined> {
  const repo = ctx.probe(repoProbe);
  for (const name of RAILWAY_CONFIG_FILES) {
    const relative = path.posix.join(folder, name);
    const file = await repo.file(relative);
    if (file.kind === 'missing') continue;
    if (file.truncated) return { kind: 'invalid', file: relative, message: 'is larger than the 256 KiB read limit' };
    return parseRailwayConfig(relative, file.text, ctx.environmentName);
  }
  return undefined;
}

const NO_CONFIG =
  'no railway.json or railway.toml here: the platform may hold this setting in its dashboard, which readiness cannot read — attest it, or commit the config as code';

/**
 * Judges each service's Railway config-as-code. A folder without a config file is `manual` (the dashboard may hold
 * the setting), an unparsable file is `fail` (Railway refuses it too), and an unreadable one is `error`.
 */
export async function perRailwayConfig(
  ctx: CheckContext<unknown>,
  judge: (config: Extract<RailwayConfig, { kind: 'config' }>, target: RailwayTarget) => CheckOutcome | Promise<CheckOutcome>,
  pass: string,
): Promise<CheckOutcome> {
  const parts = await Promise.all(
    railwayTargets(ctx).map(async (target): Promise<Part> => {
      try {
        const config = await railwayConfigIn(ctx, target.folder);
        if (config === undefined) return { label: target.label, outcome: outcome('manual', `${target.folder === '.' ? 'repository root' : target.folder}: ${NO_CONFIG}`) };
        if (config.kind === 'invalid') {
          return { label: target.label, outcome: outcome('fail', `${config.file} ${config.message}`, { evidence: { file: config.file }, remediation: `Fix ${config.file}: Railway rejects a config file it cannot parse.` }) };
        }
        const judgedOutcome = await judge(config, target);
        // The message names the file, so a monorepo's reader knows which of its configs to open.
        const message = judgedOutcome.status === 'pass' ? judgedOutcome.message : `${config.file}: ${judgedOutcome.message}`;
        return { label: target.label, outcome: { ...judgedOutcome, message, evidence: { file: config.file, ...(config.environment ? { environmentOverride: config.environment } : {}), ...(judgedOutcome.evidence ?? {}) } } };
      } catch (error) {
        return { label: target.label, outcome: probeFailure(error) };
      }
    }),
  );
  return combine(parts, { pass });
}
