/**
 * Text from outside the tool (a target's headers, config values, waiver reasons, attestations) is shown, never obeyed:
 * a terminal escape, a carriage return, a NUL or a bidirectional override in it could recolour, overwrite or reorder
 * what a person reads ("✔ PASS" forged over a failure). Each such character becomes a visible escape such as `\x1b`.
 */

/** C0 and C1 controls (but tab, newline, carriage return), DEL, and the Unicode marks that reorder or break lines. */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const LINE_BREAKS = /\r\n|[\n\u2028\u2029]/g;

function visible(character: string): string {
  const code = character.codePointAt(0) ?? 0;
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** For one-line fields (a message, a name, a reason): line breaks and tabs become spaces, other controls visible escapes. */
export function safeLine(text: string): string {
  return text.replace(LINE_BREAKS, ' ').replace(/\t/g, ' ').replace(/\r/g, visible).replace(CONTROLS, visible);
}

/** For multi-line fields (a fix, a stack trace): newlines and tabs stay; a bare carriage return, which overwrites a line, does not. */
export function safeLines(text: string): string {
  return text.replace(/\r\n|[\u2028\u2029]/g, '\n').replace(/\r/g, visible).replace(CONTROLS, visible);
}

/** Every string in a JSON-like value made safe with `safeLines`; keys too, since they are printed as well. */
export function safeDeep<T>(value: T): T {
  if (typeof value === 'string') return safeLines(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => safeDeep(item)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      Object.defineProperty(out, safeLine(key), { value: safeDeep(item), enumerable: true, writable: true, configurable: true });
    }
    return out as T;
  }
  return value;
}
