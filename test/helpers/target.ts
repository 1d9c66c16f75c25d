import { parseConfig, selectEnvironment, type SelectedEnvironment } from '../../src/config/load.js';
import { RunProbes } from '../../src/probes/probe-set.js';

/** A selected environment from inline YAML, as the CLI would load it. */
export function targetFrom(yaml: string, environment = 'test', vars: NodeJS.ProcessEnv = {}): SelectedEnvironment {
  return selectEnvironment(parseConfig(yaml, 'test.config.yaml', vars), environment);
}

/** A config with the given services, for checks that probe HTTP. */
export function servicesTarget(services: Record<string, string | { url: string; health?: string }>): SelectedEnvironment {
  const lines = Object.entries(services).map(([name, spec]) => {
    const s = typeof spec === 'string' ? { url: spec } : spec;
    return `      ${name}: { url: "${s.url}"${s.health ? `, health: "${s.health}"` : ''} }`;
  });
  return targetFrom(`version: 1\nenvironments:\n  test:\n    services:\n${lines.join('\n')}\n`);
}

export function probesFor(target: SelectedEnvironment, signal = new AbortController().signal, http = {}): RunProbes {
  return new RunProbes({ target, signal, userAgent: 'readiness-test', http });
}
