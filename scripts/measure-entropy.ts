import { measure } from '../src/rules/measure.js';

/** Prints how the secret-strength estimator does on random secrets and on the bundled weak list. */
const perEncoding = Number(process.argv[2] ?? 10_000);
const started = performance.now();
const result = measure(perEncoding);
for (const [encoding, c] of Object.entries(result.generated)) {
  process.stdout.write(`${encoding.padEnd(13)} ${c.values} values: ${c.pass} pass, ${c.warn} warn, ${c.fail} fail (lowest estimate ${c.minBits} bits)\n`);
}
const w = result.weakList;
process.stdout.write(`weak list     ${w.values} values: ${w.fail} fail the HS256 judgement; ${w.estimatorBelow160} are below 160 bits by the estimator alone\n`);
process.stdout.write(`took ${Math.round(performance.now() - started)} ms\n`);
