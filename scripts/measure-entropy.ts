import { measure } from '../src/rules/measure.js';

/**
 * Prints how the secret-strength judgement does on random secrets (each must pass, or for short printable keys at
 * least not fail) and on the known-weak kinds (each must fail). Usage: node dist/scripts/measure-entropy.js [draws]
 */
const perGenerator = Number(process.argv[2] ?? 10_000);
const started = performance.now();
const result = measure(perGenerator);
let failures = 0;
for (const [name, c] of Object.entries(result.generated)) {
  const wrong = c.expect === 'pass' ? c.values - c.pass : c.fail;
  failures += wrong;
  process.stdout.write(
    `${name.padEnd(22)} ${c.values} values: ${c.pass} pass, ${c.warn} warn, ${c.fail} fail (lowest estimate ${c.minBits} bits; must ${c.expect === 'pass' ? 'pass' : 'not fail'})\n`,
  );
}
let weakTotal = 0;
let weakFailed = 0;
for (const [kind, w] of Object.entries(result.weak)) {
  weakTotal += w.values;
  weakFailed += w.fail;
  process.stdout.write(`${kind.padEnd(22)} ${w.values} values: ${w.fail} fail the HS256 judgement; ${w.estimatorBelow160} are below 160 bits by the estimator alone\n`);
}
process.stdout.write(`weak, all kinds         ${weakTotal} values: ${weakFailed} fail\n`);
process.stdout.write(`random values judged wrongly: ${failures}; weak values passed or warned: ${weakTotal - weakFailed}\n`);
process.stdout.write(`took ${Math.round(performance.now() - started)} ms\n`);
