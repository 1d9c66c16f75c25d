/**
 * Encodings people wrap a secret in: `echo -n secret | base64`, `xxd -p`, Buffer.from(phrase).toString('hex'). A
 * layer counts only when it decodes to text — random key bytes decode to binary, so a generated key has no layer
 * (32 random bytes are all printable about once in 10¹⁴ draws) — and what a layer holds is judged in its place:
 * encoding adds no entropy.
 */

export type Encoding = 'hex' | 'base64' | 'base64url';

export interface Layer {
  encoding: Encoding;
  /** The decoded text. A secret: never print or keep it. */
  text: string;
}

/** Layers deeper than this are not unwrapped (a value is rarely encoded more than twice). */
const MAX_LAYERS = 3;
/** Shorter decodings are not text anyone chose. */
const MIN_TEXT = 4;
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The text layers of a value, outermost first (empty when it does not decode to text). */
export function textLayers(value: string): Layer[] {
  const layers: Layer[] = [];
  let current = value.trim();
  while (layers.length < MAX_LAYERS) {
    const layer = decodeToText(current);
    if (!layer) break;
    layers.push(layer);
    current = layer.text.trim();
  }
  return layers;
}

function decodeToText(value: string): Layer | undefined {
  for (const encoding of ['hex', 'base64', 'base64url'] as const) {
    const bytes = decode(value, encoding);
    if (!bytes) continue;
    const text = asText(bytes);
    if (text !== undefined) return { encoding, text };
  }
  return undefined;
}

function decode(value: string, encoding: Encoding): Buffer | undefined {
  if (encoding === 'hex') return /^(?:[0-9a-fA-F]{2}){4,}$/.test(value) ? Buffer.from(value, 'hex') : undefined;
  const alphabet = encoding === 'base64' ? /^[A-Za-z0-9+/]{6,}={0,2}$/ : /^[A-Za-z0-9_-]{6,}$/;
  if (!alphabet.test(value) || value.replace(/=+$/, '').length % 4 === 1) return undefined;
  const bytes = Buffer.from(value, encoding);
  // Node decodes leniently: only a value that is exactly what encoding the bytes gives back is that encoding.
  const again = bytes.toString(encoding).replace(/=+$/, '');
  return again === value.replace(/=+$/, '') ? bytes : undefined;
}

/** The bytes as text when they are valid UTF-8 made of printable characters (tabs and line breaks allowed). */
function asText(bytes: Buffer): string | undefined {
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    return undefined;
  }
  if ([...text].length < MIN_TEXT) return undefined;
  return /^[^\p{Cc}\p{Cs}\p{Co}\p{Cn}]*$/u.test(text.replace(/[\t\r\n]/g, '')) ? text : undefined;
}
