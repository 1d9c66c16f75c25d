/**
 * `${VAR}` and `${VAR:-default}` interpolation over a parsed YAML tree, the way docker compose users expect.
 * `$${` stands for a literal `${`. An unset variable without a default is recorded, not guessed: the loader
 * decides whether that is fatal (it is for the selected environment).
 *
 * A value never becomes shell text: inside a `command:` key (which /bin/sh runs), `${VAR}` turns into a quoted
 * reference to a variable of the command's own environment (`"${READINESS_VAR_3}"`), whose value
 * `commandEnvironment` hands to the child process. A variable holding `"; rm -rf ~; "` is then only an argument.
 */

export type KeyPath = readonly (string | number)[];

export interface Unresolved {
  path: KeyPath;
  variable: string;
}

export interface Interpolated {
  variable: string;
  path: KeyPath;
  value: string;
}

export interface InterpolationResult {
  value: unknown;
  unresolved: Unresolved[];
  /** Every substitution made, so values that came from secret-looking variables can be redacted. */
  substitutions: Interpolated[];
  malformed: { path: KeyPath; text: string }[];
}

const PATTERN = /\$\$\{|\$\{([^}]*)\}|\$\{/g;
const EXPRESSION = /^([A-Za-z_][A-Za-z0-9_]*)(?::-(.*))?$/s;

export function interpolate(tree: unknown, vars: NodeJS.ProcessEnv): InterpolationResult {
  const result: InterpolationResult = { value: undefined, unresolved: [], substitutions: [], malformed: [] };

  const visitString = (text: string, path: KeyPath): string => {
    const shell = path[path.length - 1] === COMMAND_KEY ? new ShellQuoting(text) : undefined;
    return text.replace(PATTERN, (match: string, expression: string | undefined, offset: number) => {
      if (match === '$${') return '${';
      if (expression === undefined) {
        result.malformed.push({ path, text });
        return match;
      }
      const parsed = EXPRESSION.exec(expression);
      if (!parsed) {
        result.malformed.push({ path, text });
        return match;
      }
      const [, variable = '', fallback] = parsed;
      // Own entries only: `${constructor}` names no variable, whatever the environment object inherits.
      const raw = Object.hasOwn(vars, variable) ? vars[variable] : undefined;
      const value = raw !== undefined && raw !== '' ? raw : fallback;
      if (value === undefined) {
        result.unresolved.push({ path, variable });
        return shell ? shell.reference('', offset) : '';
      }
      result.substitutions.push({ variable, path, value });
      return shell ? shell.reference(value, offset) : value;
    });
  };

  const visit = (node: unknown, path: KeyPath): unknown => {
    if (typeof node === 'string') return visitString(node, path);
    if (Array.isArray(node)) return node.map((item, index) => visit(item, [...path, index]));
    if (node !== null && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, visit(value, [...path, key])]));
    }
    return node;
  };

  result.value = visit(tree, []);
  return result;
}

/** The key whose string /bin/sh runs (env and log `command:` sources). */
const COMMAND_KEY = 'command';
const REFERENCE_PREFIX = 'READINESS_VAR_';
const REFERENCE = new RegExp(`\\b${REFERENCE_PREFIX}\\d+\\b`, 'g');
/** Values behind the references left in commands, by variable name; names are unique in the process. */
const commandValues = new Map<string, string>();

/** The environment variables a command from the config needs: the values its `${VAR}` references stand for. */
export function commandEnvironment(command: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name] of command.matchAll(REFERENCE)) {
    const value = commandValues.get(name);
    if (value !== undefined) env[name] = value;
  }
  return env;
}

type Quote = 'none' | 'single' | 'double';

/**
 * Where a `${VAR}` stands in a shell command (outside quotes, inside "…" or inside '…'), so its reference keeps the
 * value one word however the user quoted it. A wrong guess (an unusual nesting of quotes inside $(…)) can split
 * or not expand the value, never run it: the value itself is not in the text the shell parses.
 */
class ShellQuoting {
  private state: Quote = 'none';
  private at = 0;

  constructor(private readonly text: string) {}

  reference(value: string, offset: number): string {
    this.advance(offset);
    const name = `${REFERENCE_PREFIX}${commandValues.size + 1}`;
    commandValues.set(name, value);
    // The `${…}` itself is not shell text: the lexer resumes after it.
    this.at = this.text.indexOf('}', offset) + 1 || this.text.length;
    if (this.state === 'double') return `\${${name}}`;
    if (this.state === 'single') return `'"\${${name}}"'`;
    return `"\${${name}}"`;
  }

  private advance(to: number): void {
    for (let i = this.at; i < to; i++) {
      const c = this.text[i];
      if (this.state === 'single') {
        if (c === "'") this.state = 'none';
      } else if (c === '\\') {
        i++;
      } else if (this.state === 'double') {
        if (c === '"') this.state = 'none';
      } else if (c === "'") {
        this.state = 'single';
      } else if (c === '"') {
        this.state = 'double';
      }
    }
    this.at = Math.max(this.at, to);
  }
}
