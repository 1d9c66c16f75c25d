/**
 * `${VAR}` and `${VAR:-default}` interpolation over a parsed YAML tree, the way docker compose users expect.
 * `$${` stands for a literal `${`. An unset variable without a default is recorded, not guessed: the loader
 * decides whether that is fatal (it is for the selected environment).
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

  const visitString = (text: string, path: KeyPath): string =>
    text.replace(PATTERN, (match: string, expression: string | undefined) => {
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
      const raw = vars[variable];
      const value = raw !== undefined && raw !== '' ? raw : fallback;
      if (value === undefined) {
        result.unresolved.push({ path, variable });
        return '';
      }
      result.substitutions.push({ variable, path, value });
      return value;
    });

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
