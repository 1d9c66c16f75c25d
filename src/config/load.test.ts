import { describe, expect, it } from 'vitest';
import { redactText } from '../core/redact.js';
import { ConfigError, UsageError } from './errors.js';
import { INIT_TEMPLATE } from './init-template.js';
import { parseConfig, selectEnvironment } from './load.js';

const VALID = `
version: 1
environments:
  prod:
    services:
      api: { url: "https://api.example.com" }
    database: { url: "\${DATABASE_URL}" }
  staging:
    services:
      api: { url: "\${STAGING_API_URL}" }
gate: { failOn: critical }
`;

function problemsOf(source: string, vars: NodeJS.ProcessEnv = {}): string {
  try {
    parseConfig(source, 'readiness.config.yaml', vars);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message;
  }
  throw new Error('expected a ConfigError');
}

describe('parseConfig', () => {
  it('parses a valid config and fills defaults', () => {
    const loaded = parseConfig(VALID, 'readiness.config.yaml', { DATABASE_URL: 'postgres://u:p4ssw0rd!@db/app' });
    expect(loaded.config.environments.prod?.services?.api?.health).toBe('/health');
    expect(loaded.config.gate).toEqual({ failOn: 'critical', strict: false, requireAttestations: false });
    // No default: without the key, database.migrations-applied looks at prisma/migrations and skips when neither exists.
    expect(loaded.config.environments.prod?.database?.migrations).toBeUndefined();
  });

  it('names the file, key path, line and expectation for a malformed URL', () => {
    const message = problemsOf('version: 1\nenvironments:\n  prod:\n    services:\n      api: { url: "htp:/nope" }\n');
    expect(message).toContain('readiness.config.yaml');
    expect(message).toContain('environments.prod.services.api.url (line 5');
    expect(message).toContain('expected an absolute http:// or https:// URL');
  });

  it('suggests the right key for a typo', () => {
    const message = problemsOf('version: 1\nenvironments:\n  prod:\n    servcies: {}\n');
    expect(message).toContain('unknown key "servcies" (did you mean "services"?)');
    expect(message).toContain('line 4');
  });

  it('explains missing required keys and wrong types', () => {
    expect(problemsOf('environments: {}\n')).toContain('version (line 1, column 1): expected version: 1');
    expect(problemsOf('version: 1\nenvironments:\n  prod:\n    services: [a]\n')).toContain('expected a mapping, got a list');
  });

  it('reports YAML syntax errors with a position but without quoting the source line', () => {
    const message = problemsOf('version: 1\nenvironments:\n  prod: {services: [\n  secret: hunter2hunter2\n');
    expect(message).toMatch(/cannot parse YAML/);
    expect(message).toMatch(/line \d+/);
    expect(message).not.toContain('hunter2hunter2');
  });

  it('rejects a document that is not a mapping', () => {
    expect(problemsOf('- just\n- a list\n')).toContain('expected a mapping');
  });

  it('registers interpolated secrets and URL passwords for redaction', () => {
    parseConfig(VALID, 'readiness.config.yaml', { DATABASE_URL: 'postgres://app:Sup3rS3cretPw@db/app' });
    expect(redactText('connecting with Sup3rS3cretPw')).toBe('connecting with [REDACTED]');
  });

  it('parses the template that `readiness init` writes', () => {
    const loaded = parseConfig(INIT_TEMPLATE, 'readiness.config.yaml', { DATABASE_URL: 'postgres://app@db/app', SHOPIFY_API_SECRET: 'x' });
    expect(Object.keys(loaded.config.environments)).toEqual(['prod']);
    expect(loaded.config.environments.prod?.services?.widget?.url).toBe('https://widget.example.com');
  });
});

describe('selectEnvironment', () => {
  it('reports unset variables of the top level at once', () => {
    expect(problemsOf('version: 1\nenvironments: { prod: { repo: . } }\nattestations: "${ATTEST_FILE}"\n')).toContain(
      'attestations (line 3, column 15): ${ATTEST_FILE} is not set',
    );
  });

  it('still reports real mistakes in an environment whose variables are unset', () => {
    expect(problemsOf('version: 1\nenvironments:\n  staging:\n    repo: "${REPO}"\n    servcies: {}\n')).toContain('unknown key "servcies"');
  });

  it('fails on an unset variable only inside the selected environment', () => {
    const loaded = parseConfig(VALID, 'readiness.config.yaml', { DATABASE_URL: 'postgres://u:p@db/app' });
    expect(selectEnvironment(loaded, 'prod').environment.database?.url).toBe('postgres://u:p@db/app');
    expect(() => selectEnvironment(loaded, 'staging')).toThrow(/STAGING_API_URL\} is not set/);
  });

  it('names the known environments and suggests the closest for an unknown one', () => {
    const loaded = parseConfig(VALID, 'readiness.config.yaml', { DATABASE_URL: 'postgres://u:p@db/app', STAGING_API_URL: 'https://s.example.com' });
    expect(() => selectEnvironment(loaded, 'prd')).toThrow(UsageError);
    expect(() => selectEnvironment(loaded, 'prd')).toThrow(/unknown environment "prd".*"prod", "staging". Did you mean "prod"\?/);
  });
});
