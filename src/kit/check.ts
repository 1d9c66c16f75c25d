import type { z } from 'zod';
import type { SelectedEnvironment } from '../config/load.js';
import type { EnvironmentConfig, EnvironmentKey } from '../config/schema/index.js';
import { outcome } from '../core/outcome.js';
import type { ProbeDefinition, Probes } from '../probes/registry.js';
import type { SectionId } from '../core/sections.js';
import type { Automation, CheckOutcome, Severity } from '../core/types.js';

/**
 * An environment key the check reads (the vocabulary is the environment schema's own keys), or a group of keys of
 * which any one will do: `['database', 'env']` for a line that can judge either.
 */
export type Need = EnvironmentKey | readonly EnvironmentKey[];

/** What `readiness list` and `readiness explain` show, and what every report carries about a line. */
export interface CheckMeta {
  /** `<section>.<slug>`, stable: reports, waivers and attestations refer to it. */
  id: string;
  section: SectionId;
  /** The checklist line exactly as written in the seed, without the `- [ ] ` prefix. */
  item: string;
  severity: Severity;
  automation: Automation;
  /** Environment keys the check reads; when one (or every key of a group) is absent the check reports `skip` naming it. */
  needs: readonly Need[];
  /** What a pass means, in one or two sentences. */
  verifies: string;
  /** How the tool reaches its verdict: probes, rules and thresholds. */
  how: string;
  /** What to do when the line is not satisfied. */
  remediation: string;
  /** For manual and partial lines: the evidence a person should attach when attesting. */
  attestation?: string;
  /** Keys accepted under `checks.<id>.options` in the config. */
  options?: z.ZodType;
}

export interface CheckContext<Options = Record<string, unknown>> {
  readonly environmentName: string;
  readonly environment: EnvironmentConfig;
  readonly target: SelectedEnvironment;
  readonly options: Options;
  /** Aborted when the check's time is up or the run is interrupted; pass it on to anything that waits. */
  readonly signal: AbortSignal;
  /** The run's probes: every observation goes through one, shared and memoised across checks. */
  readonly probes: Probes;
  readonly meta: CheckMeta;
  /** Shorthand for `probes.get(definition)`. */
  probe<T>(definition: ProbeDefinition<T>): T;
}

export interface Check<Options = Record<string, unknown>> extends CheckMeta {
  run(ctx: CheckContext<Options>): Promise<CheckOutcome>;
}

export function defineCheck<Options = Record<string, unknown>>(check: Check<Options>): Check<Options> {
  return check;
}

export interface ManualCheckSpec {
  id: string;
  section: SectionId;
  item: string;
  severity: Severity;
  verifies: string;
  /** The concrete evidence a person should attach: what document, screenshot, link or record proves the line. */
  attestation: string;
  remediation: string;
}

/**
 * A line no machine can verify (yet). It always reports `manual` with the evidence to attach — never `pass` —
 * until a person attests it with `readiness attest`.
 */
export function defineManualCheck(spec: ManualCheckSpec): Check {
  return {
    ...spec,
    automation: 'manual',
    needs: [],
    how: 'Not verifiable by a machine: a person checks it and records an attestation (readiness attest), which expires.',
    async run() {
      return outcome('manual', `needs a person's attestation: ${spec.attestation}`);
    },
  };
}
