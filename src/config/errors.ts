import type { KeyPath } from './interpolate.js';

export interface ConfigProblem {
  path: KeyPath;
  message: string;
  line?: number;
  column?: number;
}

/** Bad input from the user: reported as one paragraph and exit code 2, never a stack trace. */
export class UsageError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export class ConfigError extends UsageError {
  constructor(
    readonly file: string,
    readonly problems: ConfigProblem[],
    headline = 'invalid configuration',
  ) {
    super(
      [
        `${headline} in ${file}:`,
        ...problems.map((p) => {
          const where = p.line !== undefined ? ` (line ${p.line}${p.column !== undefined ? `, column ${p.column}` : ''})` : '';
          const key = p.path.length > 0 ? formatPath(p.path) : '(top level)';
          return `  - ${key}${where}: ${p.message}`;
        }),
      ].join('\n'),
    );
    this.name = 'ConfigError';
  }
}

export function formatPath(path: KeyPath): string {
  return path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`))
    .join('');
}
