import { ConfigError, type ConfigProblem } from './errors.js';
import type { KeyPath } from './interpolate.js';
import { environmentNames, type LoadedConfig } from './load.js';
import { didYouMean } from './suggest.js';

/** What names in waivers and attestations may refer to: the catalog's check ids and the config's environments. */
export interface KnownNames {
  checkIds: readonly string[];
  /** Checks a machine decides: attesting them means nothing, since attestations only apply to manual verdicts. */
  automatedIds: ReadonlySet<string>;
  environments: readonly string[];
}

/**
 * Whether a person may attest the line. An automated line that says what to attest (its `attestation`) reports
 * `manual` while what it probes is not configured, and an attestation only ever turns a `manual` verdict into pass:
 * it can never hide what the machine observed.
 */
export function isAttestable(check: { automation: string; attestation?: string | undefined }): boolean {
  return check.automation !== 'automated' || check.attestation !== undefined;
}

export function knownNames(loaded: LoadedConfig, catalog: readonly { id: string; automation: string; attestation?: string | undefined }[]): KnownNames {
  return {
    checkIds: catalog.map((c) => c.id),
    automatedIds: new Set(catalog.filter((c) => !isAttestable(c)).map((c) => c.id)),
    environments: environmentNames(loaded),
  };
}

/** A check id that names no check: a typo would otherwise leave the waiver or attestation silently unused. */
export function unknownCheck(id: string, known: KnownNames, path: KeyPath): ConfigProblem | undefined {
  if (known.checkIds.includes(id)) return undefined;
  return { path, message: `no check has the id "${id}"${didYouMean(id, known.checkIds)} (readiness list shows every id)` };
}

export function unknownEnvironment(name: string, known: KnownNames, path: KeyPath): ConfigProblem | undefined {
  if (known.environments.includes(name)) return undefined;
  return {
    path,
    message: `no environment "${name}" in the config${didYouMean(name, known.environments)} (it defines ${known.environments.map((e) => `"${e}"`).join(', ')})`,
  };
}

/** `waivers:` must name real checks and environments of this config. */
export function validateWaivers(loaded: LoadedConfig, known: KnownNames): void {
  const problems: ConfigProblem[] = [];
  loaded.config.waivers.forEach((waiver, index) => {
    const at = (key: string): KeyPath => ['waivers', index, key];
    const check = unknownCheck(waiver.check, known, at('check'));
    if (check) problems.push({ ...check, ...loaded.locate(check.path) });
    if (waiver.environment !== undefined) {
      const environment = unknownEnvironment(waiver.environment, known, at('environment'));
      if (environment) problems.push({ ...environment, ...loaded.locate(environment.path) });
    }
  });
  if (problems.length > 0) throw new ConfigError(loaded.file, problems);
}
