import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { renderDictionary } from '../../../scripts/dictionary-data.js';
import words from './data/words.json' with { type: 'json' };
import { DOMAIN_WORD_BITS, MAX_WORD, wordBits } from './dictionary.js';

type Lists = { dictionary: Record<string, readonly string[]> };
const load = createRequire(import.meta.url);

/** The dictionary as a Map, built as it was before it was packed, from the packages' own exports: what it must answer. */
function reference(): Map<string, number> {
  const { dictionary: common } = load('@zxcvbn-ts/language-common') as Lists;
  const { dictionary: english } = load('@zxcvbn-ts/language-en') as Lists;
  const lists = [common['passwords-common']!, common['diceware-common']!, english['commonWords-en']!, english['wikipedia-en']!, english['firstnames-en']!];
  const bits = new Map<string, number>();
  for (const list of lists) {
    list.forEach((word, index) => {
      if (word.length < 2 || word.length > MAX_WORD || !/^[a-z0-9]+$/.test(word)) return;
      const cost = Math.max(DOMAIN_WORD_BITS, Math.log2(index + 1));
      const known = bits.get(word);
      if (known === undefined || cost < known) bits.set(word, cost);
    });
  }
  for (const word of words) bits.set(word, DOMAIN_WORD_BITS);
  return bits;
}

describe('the packed word dictionary', () => {
  const expected = reference();
  const dictionary = wordBits();

  it('is read from a data/dictionary.json that the zxcvbn packages and data/words.json still give', () => {
    const committed = readFileSync(new URL('./data/dictionary.json', import.meta.url), 'utf8');
    // Stale: run `npm run build --silent && node dist/scripts/write-dictionary.js` and commit the file.
    expect(committed === renderDictionary(), 'src/core/secrets/data/dictionary.json is stale').toBe(true);
  });

  it('holds every word of the lists at the cost zxcvbn ranks give it, and no other', () => {
    expect(dictionary.size).toBe(expected.size);
    const wrong = [...expected].filter(([word, bits]) => dictionary.get(word) !== bits);
    expect(wrong).toEqual([]);
    for (const word of ['', 'a', 'zzzzzzqx', 'passwordx', 'kangaroosaxophone', '0000000000000000000000']) expect(dictionary.get(word)).toBe(expected.get(word));
    expect(dictionary.has('password')).toBe(true);
    expect(dictionary.has('Password')).toBe(false);
  });

  it('knows a prefix exactly when some word starts with it', () => {
    const prefixes = new Set<string>();
    for (const word of expected.keys()) for (let n = 1; n <= word.length; n++) prefixes.add(word.slice(0, n));
    const missed = [...prefixes].filter((prefix) => !dictionary.hasPrefix(prefix));
    expect(missed).toEqual([]);
    // One letter changed at the end of each prefix of a sample of words: a prefix only when the reference has it.
    const sample = [...expected.keys()].filter((_, i) => i % 7 === 0);
    const disagreements: string[] = [];
    for (const word of sample) {
      for (let n = 1; n <= word.length; n++) {
        for (const letter of 'aqz09') {
          const probe = word.slice(0, n - 1) + letter;
          if (dictionary.hasPrefix(probe) !== prefixes.has(probe)) disagreements.push(probe);
        }
      }
    }
    expect(disagreements).toEqual([]);
    expect(dictionary.hasPrefix('zzzzzzzzzzzzzzzzzzzzzzzzz')).toBe(false);
    expect(dictionary.hasPrefix('')).toBe(true);
  });
});
