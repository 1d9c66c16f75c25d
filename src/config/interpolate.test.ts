import { describe, expect, it } from 'vitest';
import { commandEnvironment, interpolate } from './interpolate.js';

describe('interpolate', () => {
  it('replaces ${VAR} and ${VAR:-default} from the given variables', () => {
    const result = interpolate({ a: '${HOST}', b: ['x-${PORT:-8080}'], c: 3 }, { HOST: 'api.example.com' });
    expect(result.value).toEqual({ a: 'api.example.com', b: ['x-8080'], c: 3 });
    expect(result.unresolved).toEqual([]);
  });

  it('uses the default when the variable is set but empty, like docker compose', () => {
    expect(interpolate('${X:-fallback}', { X: '' }).value).toBe('fallback');
  });

  it('records unset variables with their key path instead of guessing', () => {
    const result = interpolate({ env: { prod: { url: '${DATABASE_URL}' } } }, {});
    expect(result.unresolved).toEqual([{ path: ['env', 'prod', 'url'], variable: 'DATABASE_URL' }]);
  });

  it('keeps $${ as a literal ${', () => {
    expect(interpolate('$${NOT_A_VAR}', {}).value).toBe('${NOT_A_VAR}');
  });

  it('reports malformed references', () => {
    expect(interpolate({ a: '${1BAD}' }, {}).malformed).toHaveLength(1);
    expect(interpolate({ a: 'open ${ never closed' }, {}).malformed).toHaveLength(1);
  });

  it('lists every substitution so secret-looking values can be redacted', () => {
    const result = interpolate({ secret: '${WEBHOOK_SECRET}' }, { WEBHOOK_SECRET: 'abc123xyz' });
    expect(result.substitutions).toEqual([{ variable: 'WEBHOOK_SECRET', path: ['secret'], value: 'abc123xyz' }]);
  });
});

describe('interpolation inside command: keys', () => {
  const hostile = `x"}'; touch pwned; echo '$(touch pwned2)\`touch pwned3\``;

  it('puts a reference to a variable of the command environment in the text, never the value', () => {
    const result = interpolate({ env: [{ command: 'printf %s ${EVIL} "${EVIL}" \'${EVIL}\'' }] }, { EVIL: hostile });
    const command = (result.value as { env: { command: string }[] }).env[0]!.command;
    expect(command).not.toContain('pwned');
    const names = [...command.matchAll(/READINESS_VAR_\d+/g)].map(([name]) => name);
    expect(names).toHaveLength(3);
    // Quoted for where each reference stands: bare, inside "…", inside '…'.
    expect(command).toBe(`printf %s "\${${names[0]}}" "\${${names[1]}}" ''"\${${names[2]}}"''`);
    expect(commandEnvironment(command)).toEqual(Object.fromEntries(names.map((name) => [name, hostile])));
    expect(result.substitutions.map((s) => s.value)).toEqual([hostile, hostile, hostile]);
  });

  it('keeps defaults and unset variables as references too, and other keys as plain text', () => {
    const result = interpolate({ command: 'run ${A:-fallback} ${B}', url: 'https://x/${A:-fallback}' }, {});
    const value = result.value as { command: string; url: string };
    expect(Object.values(commandEnvironment(value.command))).toEqual(['fallback', '']);
    expect(value.url).toBe('https://x/fallback');
    expect(result.unresolved).toEqual([{ path: ['command'], variable: 'B' }]);
  });

  it('leaves $${ as the shell\'s own ${', () => {
    expect((interpolate({ command: 'echo $${HOME}' }, {}).value as { command: string }).command).toBe('echo ${HOME}');
  });
});
